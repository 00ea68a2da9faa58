import { createContext, ReactNode, useContext, useEffect, useState } from 'react';
import { MESSAGES, MessageKey, ORGS } from './messages';

export type Lang = 'zh' | 'en';
const KEY = 'oversight.lang';

interface I18n {
  lang: Lang;
  setLang(lang: Lang): void;
  t(key: MessageKey, vars?: Record<string, string | number>): string;
  /** Formats an instant in the user's language, in China Standard Time. */
  dateTime(iso: string | null | undefined): string;
  date(iso: string | null | undefined): string;
  /** An organisation's name from its code (the code itself when unknown). */
  orgName(code: string | null | undefined): string;
}

export function translate(lang: Lang, key: MessageKey, vars: Record<string, string | number> = {}): string {
  const text: string = MESSAGES[lang][key] ?? MESSAGES.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}

const initial = (): Lang => (localStorage.getItem(KEY) === 'en' ? 'en' : 'zh');

const I18nContext = createContext<I18n | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initial);
  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = translate(lang, 'app.title');
  }, [lang]);
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const format = (iso: string | null | undefined, withTime: boolean) =>
    iso
      ? new Date(iso).toLocaleString(locale, {
          timeZone: 'Asia/Shanghai',
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
          ...(withTime ? { hour: '2-digit', minute: '2-digit' } : {}),
        })
      : '—';
  const value: I18n = {
    lang,
    setLang: (l) => {
      localStorage.setItem(KEY, l);
      setLangState(l);
    },
    t: (key, vars) => translate(lang, key, vars),
    dateTime: (iso) => format(iso, true),
    date: (iso) => format(iso, false),
    orgName: (code) => (code ? (ORGS[code]?.[lang] ?? code) : '—'),
  };
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

/** Picks the user's language from a bilingual server text. */
export function useBilingual() {
  const { lang } = useI18n();
  return (text: { zh: string; en: string } | null | undefined) => (text ? text[lang] : '');
}

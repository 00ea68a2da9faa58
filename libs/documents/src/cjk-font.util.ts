import { readFileSync } from 'node:fs';

/**
 * Noto Sans SC (SIL OFL 1.1) as complete static TrueType fonts from the npm package
 * `@expo-google-fonts/noto-sans-sc`: every GB2312 character and far more, not a web subset.
 * TrueType rather than the CFF-based OpenType CJK fonts because PDFKit subsets glyf outlines reliably.
 */
export const CJK_FONT_FILES = {
  regular: '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
  bold: '@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf',
} as const;

/** PostScript names, as they appear (after a subset tag) in a PDF's BaseFont. */
export const CJK_FONT_NAMES = { regular: 'NotoSansSC-Regular', bold: 'NotoSansSC-Bold' } as const;

export type CjkWeight = keyof typeof CJK_FONT_FILES;

const cache = new Map<CjkWeight, Buffer>();

/** The font file's bytes, read once per process (about 10 MB each). */
export function cjkFont(weight: CjkWeight): Buffer {
  let data = cache.get(weight);
  if (!data) {
    data = readFileSync(require.resolve(CJK_FONT_FILES[weight]));
    cache.set(weight, data);
  }
  return data;
}

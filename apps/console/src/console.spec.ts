import { may } from './access/access';
import { MESSAGES } from './i18n/messages';
import { deadlineLevel } from './tasks/deadline';
import { taskQuery } from './tasks/task-query';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('console texts', () => {
  it('has every Chinese text in English too, with the same placeholders, and none empty', () => {
    expect(Object.keys(MESSAGES.en).sort()).toEqual(Object.keys(MESSAGES.zh).sort());
    for (const [key, zh] of Object.entries(MESSAGES.zh)) {
      const en = MESSAGES.en[key as keyof typeof MESSAGES.en];
      expect(zh.trim()).not.toBe('');
      expect(en.trim()).not.toBe('');
      expect([key, placeholders(en)]).toEqual([key, placeholders(zh)]);
    }
  });
});

describe('task list', () => {
  const session = {
    token: 't',
    expiresAt: '2099-01-01T00:00:00Z',
    user: { username: 'sfj-head', name: '刘建国', org: 'sfj', roles: ['head'] },
  };
  const now = Date.parse('2026-11-26T00:00:00Z');
  const query = (filter: Parameters<typeof taskQuery>[0], process = '') =>
    Object.fromEntries(new URLSearchParams(taskQuery(filter, session, process, now)));

  it('asks the tasklist for the caller’s own tasks, or their organisation’s and roles’ groups', () => {
    expect(query('mine')).toMatchObject({ assignee: 'sfj-head' });
    expect(query('unclaimed')).toMatchObject({ candidateGroup: 'sfj,sfj:head', unassigned: 'true' });
    expect(query('all', 'justice-bureau-complaint-handling')).toMatchObject({
      candidateGroup: 'sfj,sfj:head',
      includeAssigned: 'true',
      processDefinitionKey: 'justice-bureau-complaint-handling',
    });
  });

  it('reads due soon as the next two days and overdue as due before now', () => {
    expect(query('dueSoon')).toMatchObject({
      dueAfter: '2026-11-26T00:00:00.000Z',
      dueBefore: '2026-11-28T00:00:00.000Z',
    });
    expect(query('overdue')).toMatchObject({ dueBefore: '2026-11-26T00:00:00.000Z' });
    expect(query('overdue').dueAfter).toBeUndefined();
  });

  it('colours deadlines: overdue, due within two days, later, none', () => {
    expect(deadlineLevel('2026-11-25T23:00:00Z', now)).toBe('overdue');
    expect(deadlineLevel('2026-11-27T12:00:00Z', now)).toBe('soon');
    expect(deadlineLevel('2026-12-15T00:00:00Z', now)).toBe('ok');
    expect(deadlineLevel(null, now)).toBe('none');
  });
});

describe('menu access', () => {
  const user = (org: string, ...roles: string[]) => ({ username: 'u', name: 'u', org, roles });

  it('mirrors the API rules: bureau desk, bureau head, supervised units, any unit desk', () => {
    expect(may.justiceDesk(user('sfj', 'clerk'))).toBe(true);
    expect(may.justiceDesk(user('sfj', 'process-admin'))).toBe(false);
    expect(may.justiceDesk(user('scjg', 'clerk'))).toBe(false);
    expect(may.justiceHead(user('sfj', 'head'))).toBe(true);
    expect(may.justiceHead(user('sfj', 'clerk'))).toBe(false);
    expect(may.supervisedUnit(user('scjg', 'clerk'))).toBe(true);
    expect(may.supervisedUnit(user('xgz', 'head'))).toBe(true);
    expect(may.supervisedUnit(user('sfj', 'clerk'))).toBe(false);
    expect(may.supervisedUnit(user('jcy', 'clerk'))).toBe(false);
    expect(may.anyUnitDesk(user('jcy', 'clerk'))).toBe(true);
    expect(may.anyUnitDesk(user('sfj', 'secretary'))).toBe(false);
  });
});

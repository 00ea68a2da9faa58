import type { Session } from '../api';

export const FILTERS = ['mine', 'unclaimed', 'all', 'dueSoon', 'overdue'] as const;
export type Filter = (typeof FILTERS)[number];

/** The candidate groups of a user: their organisation, and organisation:role for each role. */
export function candidateGroups(session: Session): string {
  const { org, roles } = session.user;
  return [org, ...roles.map((r) => `${org}:${r}`)].join(',');
}

/** The task-list query of a filter, as the tasklist API takes it. */
export function taskQuery(filter: Filter, session: Session, processKey: string, now = Date.now()): string {
  const q = new URLSearchParams();
  const groups = candidateGroups(session);
  if (filter === 'mine') q.set('assignee', session.user.username);
  else {
    q.set('candidateGroup', groups);
    if (filter === 'unclaimed') q.set('unassigned', 'true');
    else q.set('includeAssigned', 'true');
  }
  if (filter === 'dueSoon') {
    q.set('dueAfter', new Date(now).toISOString());
    q.set('dueBefore', new Date(now + 2 * 24 * 3600 * 1000).toISOString());
  }
  if (filter === 'overdue') q.set('dueBefore', new Date(now).toISOString());
  if (processKey) q.set('processDefinitionKey', processKey);
  q.set('limit', '100');
  return q.toString();
}

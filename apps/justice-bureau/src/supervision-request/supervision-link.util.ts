import type { SupervisionCaseChangedV1, SupervisionCaseStatus } from '@oversight/contracts';
import { STATUS_LABEL } from '../supervision-case/supervision-case.util';

/** Statuses a supervision case does not leave. */
export const FINAL_STATUSES: readonly SupervisionCaseStatus[] = ['closed', 'dismissed'];

/**
 * Which of two changes of a case is the later: a final status beats any open one, otherwise the later
 * event wins (on the same millisecond, the one delivered last: one case's events share a partition).
 * Applying changes in any order and keeping the greatest gives the same result.
 */
export function isLaterChange(
  stored: { status: SupervisionCaseStatus; at: Date } | null,
  next: { status: SupervisionCaseStatus; at: Date },
): boolean {
  if (!stored) return true;
  const storedFinal = FINAL_STATUSES.includes(stored.status);
  const nextFinal = FINAL_STATUSES.includes(next.status);
  if (storedFinal !== nextFinal) return nextFinal;
  return next.at.getTime() >= stored.at.getTime();
}

/** The guarded update of a requester's row: the same rule as `isLaterChange`, in SQL. */
export function supervisionLinkUpdate(data: SupervisionCaseChangedV1, at: Date) {
  return {
    set: {
      supervisionCaseId: data.caseId,
      supervisionCaseNumber: data.caseNumber,
      supervisionCaseStatus: data.status,
      supervisionCaseChangedAt: at,
    },
    where: `supervision_case_status IS NULL
      OR (supervision_case_status IN (:...finals), supervision_case_changed_at)
        <= (CAST(:final AS boolean), CAST(:at AS timestamptz))`,
    params: { finals: [...FINAL_STATUSES], final: FINAL_STATUSES.includes(data.status), at },
  };
}

/** How a requester's view shows the case opened for it; null until the bureau reports one. */
export function supervisionCaseView(row: {
  supervisionCaseId: string | null;
  supervisionCaseNumber: string | null;
  supervisionCaseStatus: SupervisionCaseStatus | null;
}) {
  if (!row.supervisionCaseId || !row.supervisionCaseStatus) return null;
  return {
    id: row.supervisionCaseId,
    caseNumber: row.supervisionCaseNumber,
    status: row.supervisionCaseStatus,
    statusLabel: STATUS_LABEL[row.supervisionCaseStatus],
    closed: FINAL_STATUSES.includes(row.supervisionCaseStatus),
  };
}

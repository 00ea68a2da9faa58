import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ASSESSMENT_SOURCE, TRANSFER_KIND } from '@oversight/contracts';
import { ASSESSED_KINDS, COMPLAINT_EXCLUDED_STATUSES, IndicatorCode } from './assessment-indicators';
import {
  acceptance,
  caseFileReview,
  corrections,
  InputRow,
  satisfaction,
  training,
} from './assessment-reading.util';
import { onTimeRate, RawValue, UnitFacts } from './assessment-scoring.util';

interface StoredInput {
  unit_code: string;
  source: string;
  result: string;
  score: string | null;
  detail: Record<string, unknown> | null;
}

/** 00:00 on 1 January of `year`, Beijing time. */
export const startOfBeijingYear = (year: number) => new Date(`${year}-01-01T00:00:00+08:00`);

/**
 * Gathers each assessed unit's raw values for a year from the bureau's own tables: complaints, the
 * transfer projection, and `assessment_input` rows written by the other capabilities.
 */
@Injectable()
export class AssessmentInputsService {
  async collect(manager: EntityManager, year: number, asOf: Date): Promise<UnitFacts[]> {
    const units = (await manager.query(
      `SELECT code, name, kind FROM justice_bureau.organisation WHERE kind = ANY($1) ORDER BY code`,
      [[...ASSESSED_KINDS]],
    )) as { code: string; name: string; kind: string }[];
    const from = startOfBeijingYear(year);
    const to = startOfBeijingYear(year + 1);

    const complaints = (await manager.query(
      `SELECT respondent_org AS code, count(*)::int AS total,
              count(*) FILTER (WHERE substantiated)::int AS substantiated
         FROM justice_bureau.complaint
        WHERE created_at >= $1 AND created_at < $2 AND NOT (status = ANY($3))
        GROUP BY respondent_org`,
      [from, to, [...COMPLAINT_EXCLUDED_STATUSES]],
    )) as { code: string; total: number; substantiated: number }[];

    const transfers = (await manager.query(
      `SELECT receiver, due_at, closed_at, overdue_since FROM justice_bureau.assessment_transfer
        WHERE due_at >= $1 AND due_at < $2 AND receiver IS NOT NULL`,
      [from, to],
    )) as { receiver: string; due_at: Date; closed_at: Date | null; overdue_since: Date | null }[];
    // Complaints the bureau assigned to an agency (交办) are transfers too, due by the handling limit and
    // closed by the reply, as liaison registers them; the bureau publishes them as complaint events, not
    // TransferChangedV1, so they are read from its own table unless the projection has them already.
    transfers.push(
      ...((await manager.query(
        `SELECT c.agency_org AS receiver, c.handling_due_at AS due_at, c.replied_at AS closed_at,
                NULL::timestamptz AS overdue_since
           FROM justice_bureau.complaint c
          WHERE c.agency_org IS NOT NULL AND c.handling_due_at >= $1 AND c.handling_due_at < $2
            AND NOT EXISTS (SELECT 1 FROM justice_bureau.assessment_transfer t
                             WHERE t.kind = $3 AND t.source_ref = c.id::text)`,
        [from, to, TRANSFER_KIND.complaintAssignment],
      )) as typeof transfers),
    );

    const inputs = (await manager.query(
      `SELECT unit_code, source, result, score, detail FROM justice_bureau.assessment_input WHERE year = $1`,
      [year],
    )) as StoredInput[];
    const rowsOf = (code: string, source: string): InputRow[] =>
      inputs
        .filter((r) => r.unit_code === code && r.source === source)
        .map((r) => ({
          result: r.result,
          score: r.score === null ? null : Number(r.score),
          detail: r.detail ?? {},
        }));
    // Corrections count only once supervision cases report results at all this year (else 无数据).
    const supervisionRunning = inputs.some((r) => r.source === ASSESSMENT_SOURCE.supervisionCase);

    return units.map((unit) => {
      const c = complaints.find((x) => x.code === unit.code);
      const raw: Record<IndicatorCode, RawValue> = {
        'on-time-rate': onTimeRate(
          transfers
            .filter((t) => t.receiver === unit.code)
            .map((t) => ({ dueAt: t.due_at, closedAt: t.closed_at, overdueSince: t.overdue_since })),
          asOf,
        ),
        complaints: {
          value: c?.total ?? 0,
          detail: { total: c?.total ?? 0, substantiated: c?.substantiated ?? 0 },
        },
        corrections: corrections(rowsOf(unit.code, ASSESSMENT_SOURCE.supervisionCase), supervisionRunning),
        'case-file-review': caseFileReview(rowsOf(unit.code, ASSESSMENT_SOURCE.caseFileReview)),
        training: training(rowsOf(unit.code, ASSESSMENT_SOURCE.training)),
        acceptance: acceptance(rowsOf(unit.code, ASSESSMENT_SOURCE.acceptanceCampaign)),
        satisfaction: satisfaction(rowsOf(unit.code, ASSESSMENT_SOURCE.followUpVisit)),
      };
      return { code: unit.code, name: unit.name, kind: unit.kind, raw };
    });
  }
}

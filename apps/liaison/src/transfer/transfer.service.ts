import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { notFound } from '@oversight/platform';
import { Scope } from '../liaison-access';
import { TransferEventEntity } from './transfer-event.entity';
import { TransferEntity } from './transfer.entity';
import { TransferQueryDto } from './transfer.dto';

export interface TransferView extends TransferEntity {
  overdue: boolean;
}

interface TransferRow {
  id: string;
  kind: string;
  source_ref: string;
  sender: string | null;
  receiver: string | null;
  subject: string | null;
  due_at: Date | null;
  status: string;
  status_at: Date;
  opened_at: Date;
  closed_at: Date | null;
  overdue_since: Date | null;
  updated_at: Date;
  is_overdue: boolean;
}

function fromRow(r: TransferRow): TransferView {
  return {
    id: r.id,
    kind: r.kind,
    sourceRef: r.source_ref,
    sender: r.sender,
    receiver: r.receiver,
    subject: r.subject,
    dueAt: r.due_at,
    status: r.status,
    statusAt: r.status_at,
    openedAt: r.opened_at,
    closedAt: r.closed_at,
    overdueSince: r.overdue_since,
    updatedAt: r.updated_at,
    overdue: r.is_overdue,
  };
}

const OVERDUE = 't.closed_at IS NULL AND (t.overdue_since IS NOT NULL OR COALESCE(t.due_at < now(), false))';

/** Counts are exact up to this many; beyond it the register says "more than" (a count of a million rows costs more than the page). */
export const COUNT_CAP = 10000;

@Injectable()
export class TransferService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The register, overdue first, then by due date; filters combine; each caller sees its scope.
   * "Overdue" depends on now(), so no index can hold it: the page is the merge of index-ordered top-N
   * scans, one per disjoint part below, each by due date (see bench/liaison-register.bench.ts).
   */
  async list(
    query: TransferQueryDto,
    scope: Scope,
  ): Promise<{ total: number; totalIsCapped: boolean; items: TransferView[] }> {
    const { conds, params, sides } = this.where(query, scope);
    const arg = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const topN = arg(query.offset + query.limit);
    const branches: string[] = [];
    // Four disjoint parts, each an index range in due order: past due; flagged overdue before its due
    // date; open and not yet due; closed. (Overdue as one part, an OR, made the planner read every open
    // transfer of a body and sort them: 70 ms instead of 5 at a million transfers.)
    // With a period, read the period (opened_at index) and sort it: walking the due-date index from
    // the oldest row would cross every earlier year first, as due dates follow opening dates.
    const dueOrder = query.from || query.to ? `(t.due_at + interval '0 seconds')` : 't.due_at';
    const parts: [overdue: boolean, closed: boolean, sql: string][] = [
      [true, false, 't.closed_at IS NULL AND t.due_at < now()'],
      [
        true,
        false,
        't.closed_at IS NULL AND t.overdue_since IS NOT NULL AND (t.due_at >= now() OR t.due_at IS NULL)',
      ],
      [
        false,
        false,
        't.closed_at IS NULL AND t.overdue_since IS NULL AND (t.due_at >= now() OR t.due_at IS NULL)',
      ],
      [false, true, 't.closed_at IS NOT NULL'],
    ];
    for (const [overdue, closed, part] of parts) {
      if (query.overdue !== undefined && query.overdue !== overdue) continue;
      // The planner does not see that "open" contradicts the closed part: leave it out ourselves.
      if (query.open !== undefined && query.open === closed) continue;
      for (const side of sides) {
        const where = [...conds, side, `(${part})`].join(' AND ');
        branches.push(`(SELECT t.*, ${overdue} AS is_overdue FROM liaison.transfer t WHERE ${where}
                         ORDER BY ${dueOrder} ASC NULLS LAST, t.id LIMIT ${topN})`);
      }
    }
    const rows = (await this.dataSource.query(
      `SELECT * FROM (${branches.join(' UNION ALL ')}) r
        ORDER BY is_overdue DESC, due_at ASC NULLS LAST, id OFFSET ${arg(query.offset)} LIMIT ${arg(query.limit)}`,
      params,
    )) as TransferRow[];
    // Counted side by side (the sides are disjoint), each an index-only scan of its own index.
    const counted = this.where(query, scope, true);
    const counts = counted.sides.map(
      (side) => `(SELECT count(*)::int FROM (SELECT 1 FROM liaison.transfer t
        WHERE ${[...counted.conds, side].join(' AND ')} LIMIT ${COUNT_CAP + 1}) c)`,
    );
    const [{ n }] = (await this.dataSource.query(`SELECT ${counts.join(' + ')} AS n`, counted.params)) as {
      n: number;
    }[];
    return { total: Math.min(n, COUNT_CAP), totalIsCapped: n > COUNT_CAP, items: rows.map(fromRow) };
  }

  /** Every row matching the filters, in the register's order, for exports (bounded by `max`). */
  async all(query: TransferQueryDto, scope: Scope, max = 50000): Promise<TransferView[]> {
    const { conds, params, sides } = this.where(query, scope, true);
    params.push(max);
    const rows = (await this.dataSource.query(
      `SELECT t.*, (${OVERDUE}) AS is_overdue FROM liaison.transfer t
        WHERE ${[...conds, `(${sides.join(' OR ')})`].join(' AND ')}
        ORDER BY is_overdue DESC, t.due_at ASC NULLS LAST, t.id LIMIT $${params.length}`,
      params,
    )) as TransferRow[];
    return rows.map(fromRow);
  }

  async get(id: string, scope: Scope): Promise<TransferView & { history: TransferEventEntity[] }> {
    const transfer = await this.dataSource.getRepository(TransferEntity).findOneBy({ id });
    if (!transfer || !visible(transfer, scope)) throw notFound({ zh: '移送事项', en: 'Transfer' }, id);
    const history = await this.dataSource
      .getRepository(TransferEventEntity)
      .find({ where: { transferId: id }, order: { occurredAt: 'ASC' } });
    return { ...transfer, overdue: isOverdue(transfer, new Date()), history };
  }

  async byRef(kind: string, sourceRef: string): Promise<TransferEntity | null> {
    return this.dataSource.getRepository(TransferEntity).findOneBy({ kind, sourceRef });
  }

  /**
   * Counts and on-time rates per body (the receiver, who must act) and quarter of the year the
   * transfers were opened: on time = closed by the due date.
   */
  async statistics(year: number, scope: Scope) {
    const params: unknown[] = [year];
    let where = `extract(year FROM t.opened_at AT TIME ZONE 'Asia/Shanghai') = $1`;
    if (!scope.all) {
      params.push(scope.org);
      where += ` AND (t.sender = $2 OR t.receiver = $2)`;
    }
    const rows = (await this.dataSource.query(
      `SELECT COALESCE(t.receiver, '') AS body,
              extract(quarter FROM t.opened_at AT TIME ZONE 'Asia/Shanghai')::int AS quarter,
              count(*)::int AS total,
              count(*) FILTER (WHERE t.closed_at IS NOT NULL)::int AS closed,
              count(*) FILTER (WHERE t.closed_at IS NOT NULL AND (t.due_at IS NULL OR t.closed_at <= t.due_at)
                                 AND t.overdue_since IS NULL)::int AS on_time,
              count(*) FILTER (WHERE t.closed_at IS NULL AND (t.overdue_since IS NOT NULL OR t.due_at < now()))::int
                AS overdue_open
         FROM liaison.transfer t WHERE ${where}
        GROUP BY 1, 2 ORDER BY 1, 2`,
      params,
    )) as {
      body: string;
      quarter: number;
      total: number;
      closed: number;
      on_time: number;
      overdue_open: number;
    }[];
    return {
      year,
      rows: rows.map((r) => ({
        body: r.body,
        quarter: r.quarter,
        total: r.total,
        closed: r.closed,
        onTime: r.on_time,
        overdueOpen: r.overdue_open,
        onTimeRate: r.closed === 0 ? null : Math.round((r.on_time / r.closed) * 1000) / 1000,
      })),
    };
  }

  /**
   * The filters as SQL, and the "either side" condition (a body as sender or receiver) split into two
   * disjoint alternatives, so that each can walk its own (sender, due) or (receiver, due) index.
   */
  private where(
    query: TransferQueryDto,
    scope: Scope,
    withOverdue = false,
  ): { conds: string[]; params: unknown[]; sides: string[] } {
    const conds: string[] = [];
    const params: unknown[] = [];
    const arg = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    if (query.kind) conds.push(`t.kind = ${arg(query.kind)}`);
    if (query.status) conds.push(`t.status = ${arg(query.status)}`);
    if (query.sender) conds.push(`t.sender = ${arg(query.sender)}`);
    if (query.receiver) conds.push(`t.receiver = ${arg(query.receiver)}`);
    if (query.from)
      conds.push(`t.opened_at >= (${arg(query.from)}::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (query.to)
      conds.push(`t.opened_at < ((${arg(query.to)}::date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`);
    if (query.open !== undefined) conds.push(query.open ? 't.closed_at IS NULL' : 't.closed_at IS NOT NULL');
    // The list splits overdue from the rest itself (see list()); the count and the exports filter here.
    if (withOverdue && query.overdue !== undefined) {
      conds.push(query.overdue ? `(${OVERDUE})` : `NOT (${OVERDUE})`);
    }
    const side = scope.all ? query.body : scope.org;
    if (!scope.all && query.body) {
      const body = arg(query.body);
      conds.push(`(t.sender = ${body} OR t.receiver = ${body})`);
    }
    if (!side) return { conds, params, sides: ['TRUE'] };
    const who = arg(side);
    return {
      conds,
      params,
      sides: [`t.sender = ${who}`, `t.receiver = ${who} AND t.sender IS DISTINCT FROM ${who}`],
    };
  }
}

function visible(t: TransferEntity, scope: Scope): boolean {
  return scope.all || t.sender === scope.org || t.receiver === scope.org;
}

/** Open and either flagged overdue by its owner or past its due date. */
export function isOverdue(
  t: Pick<TransferEntity, 'closedAt' | 'overdueSince' | 'dueAt'>,
  now: Date,
): boolean {
  return t.closedAt === null && (t.overdueSince !== null || (t.dueAt !== null && t.dueAt < now));
}

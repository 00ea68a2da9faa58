import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { CATEGORIES } from './register-complaint.dto';

export class StatisticsQuery {
  @ApiPropertyOptional({ description: '起始日期 / from (YYYY-MM-DD, Beijing time)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from?: string;

  @ApiPropertyOptional({ description: '截止日期 / to, inclusive (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to?: string;

  @ApiPropertyOptional({ description: '被投诉单位 / agency code' })
  @IsOptional()
  @IsString()
  @MaxLength(20)
  agency?: string;

  @ApiPropertyOptional({ enum: Object.keys(CATEGORIES), description: '类别 / category' })
  @IsOptional()
  @IsIn(Object.keys(CATEGORIES))
  category?: string;
}

export class NegativeListQuery {
  @ApiPropertyOptional({ description: '年度 / year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: '列入门槛：投诉件数 / threshold of complaints', default: 3 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  minComplaints = 3;
}

interface Row {
  [key: string]: string | number | null;
}

const n = (v: unknown) => Number(v ?? 0);
const rate = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 1000) / 1000);

/**
 * Counts for publication and for the negative list. Public figures are aggregates only: no tracking
 * codes, no complainants, no officers.
 */
@Injectable()
export class ComplaintStatisticsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async statistics(query: StatisticsQuery) {
    const { where, params } = filter(query);
    const q = (sql: string) => this.dataSource.query(sql, params) as Promise<Row[]>;
    const [totals] = await q(`SELECT
        count(*) AS total,
        count(*) FILTER (WHERE decision = 'accept') AS accepted,
        count(*) FILTER (WHERE decision = 'reject') AS rejected,
        count(*) FILTER (WHERE decision = 'forward') AS forwarded,
        count(*) FILTER (WHERE replied_at IS NOT NULL) AS replied,
        count(*) FILTER (WHERE replied_at <= handling_due_at) AS replied_on_time,
        count(*) FILTER (WHERE status = 'closed') AS closed,
        count(*) FILTER (WHERE substantiated) AS substantiated,
        count(*) FILTER (WHERE replied_at IS NOT NULL AND NOT substantiated) AS unsubstantiated,
        count(*) FILTER (WHERE satisfaction = 'satisfied') AS satisfied,
        count(*) FILTER (WHERE satisfaction = 'basically-satisfied') AS basically_satisfied,
        count(*) FILTER (WHERE satisfaction = 'dissatisfied') AS dissatisfied,
        count(*) FILTER (WHERE overdue_at IS NOT NULL) AS supervised
      FROM justice_bureau.complaint c ${where}`);
    const byAgency = await q(`SELECT c.respondent_org AS org, o.name, count(*) AS total,
        count(*) FILTER (WHERE replied_at IS NOT NULL) AS replied,
        count(*) FILTER (WHERE replied_at <= handling_due_at) AS on_time,
        count(*) FILTER (WHERE substantiated) AS substantiated
      FROM justice_bureau.complaint c JOIN justice_bureau.organisation o ON o.code = c.respondent_org
      ${where} GROUP BY c.respondent_org, o.name ORDER BY count(*) DESC, c.respondent_org`);
    const byCategory = await q(`SELECT category, count(*) AS total,
        count(*) FILTER (WHERE substantiated) AS substantiated
      FROM justice_bureau.complaint c ${where} GROUP BY category ORDER BY count(*) DESC, category`);
    const byChannel = await q(`SELECT channel, count(*) AS total FROM justice_bureau.complaint c ${where}
      GROUP BY channel ORDER BY count(*) DESC, channel`);
    const replied = n(totals.replied);
    return {
      period: { from: query.from ?? null, to: query.to ?? null },
      filters: { agency: query.agency ?? null, category: query.category ?? null },
      total: n(totals.total),
      outcomes: {
        accepted: n(totals.accepted),
        rejected: n(totals.rejected),
        forwarded: n(totals.forwarded),
        replied,
        closed: n(totals.closed),
        substantiated: n(totals.substantiated),
        unsubstantiated: n(totals.unsubstantiated),
        supervised: n(totals.supervised),
      },
      onTimeRate: rate(n(totals.replied_on_time), replied),
      satisfaction: {
        satisfied: n(totals.satisfied),
        basicallySatisfied: n(totals.basically_satisfied),
        dissatisfied: n(totals.dissatisfied),
      },
      byAgency: byAgency.map((r) => ({
        org: String(r.org),
        name: String(r.name),
        total: n(r.total),
        replied: n(r.replied),
        substantiated: n(r.substantiated),
        onTimeRate: rate(n(r.on_time), n(r.replied)),
      })),
      byCategory: byCategory.map((r) => ({
        category: String(r.category),
        label: CATEGORIES[r.category as keyof typeof CATEGORIES] ?? String(r.category),
        total: n(r.total),
        substantiated: n(r.substantiated),
      })),
      byChannel: byChannel.map((r) => ({ channel: String(r.channel), total: n(r.total) })),
    };
  }

  /**
   * The negative list (负面清单): enforcement matters and officers drawing many complaints, or any
   * substantiated one. Internal to the justice bureau: it names officers.
   */
  async negativeList(query: NegativeListQuery) {
    const params: unknown[] = [query.minComplaints];
    let period = '';
    if (query.year) {
      params.push(query.year);
      period = `AND extract(year FROM c.created_at AT TIME ZONE 'Asia/Shanghai') = $2`;
    }
    const matters = (await this.dataSource.query(
      `SELECT c.respondent_org AS org, o.name AS org_name, c.category,
              COALESCE(c.matter, '') AS matter, count(*) AS complaints,
              count(*) FILTER (WHERE c.substantiated) AS substantiated
         FROM justice_bureau.complaint c JOIN justice_bureau.organisation o ON o.code = c.respondent_org
        WHERE c.status NOT IN ('rejected', 'forwarded') ${period}
        GROUP BY c.respondent_org, o.name, c.category, COALESCE(c.matter, '')
       HAVING count(*) >= $1 OR count(*) FILTER (WHERE c.substantiated) > 0
        ORDER BY count(*) FILTER (WHERE c.substantiated) DESC, count(*) DESC`,
      params,
    )) as Row[];
    const officers = (await this.dataSource.query(
      `SELECT c.agency_org AS org, officer->>'name' AS name, count(*) AS complaints,
              count(*) FILTER (WHERE c.substantiated) AS substantiated
         FROM justice_bureau.complaint c, jsonb_array_elements(c.officers) AS officer
        WHERE c.agency_org IS NOT NULL ${period}
        GROUP BY c.agency_org, officer->>'name'
       HAVING count(*) >= $1 OR count(*) FILTER (WHERE c.substantiated) > 0
        ORDER BY count(*) FILTER (WHERE c.substantiated) DESC, count(*) DESC`,
      params,
    )) as Row[];
    return {
      year: query.year ?? null,
      minComplaints: query.minComplaints,
      matters: matters.map((r) => ({
        org: String(r.org),
        orgName: String(r.org_name),
        category: String(r.category),
        matter: r.matter ? String(r.matter) : null,
        complaints: n(r.complaints),
        substantiated: n(r.substantiated),
      })),
      officers: officers.map((r) => ({
        org: String(r.org),
        name: String(r.name),
        complaints: n(r.complaints),
        substantiated: n(r.substantiated),
      })),
    };
  }
}

function filter(query: StatisticsQuery): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    clauses.push(sql.replace('?', `$${params.length}`));
  };
  // Days are Beijing days: a complaint filed at 07:00 Beijing on 1 January counts in the new year.
  if (query.from) add(`c.created_at >= (?::date)::timestamp AT TIME ZONE 'Asia/Shanghai'`, query.from);
  if (query.to) add(`c.created_at < ((?::date) + 1)::timestamp AT TIME ZONE 'Asia/Shanghai'`, query.to);
  if (query.agency) add(`c.respondent_org = ?`, query.agency);
  if (query.category) add(`c.category = ?`, query.category);
  return { where: clauses.length ? `WHERE ${clauses.join(' AND ')}` : '', params };
}

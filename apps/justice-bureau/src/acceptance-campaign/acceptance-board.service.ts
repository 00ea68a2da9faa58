import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { AcceptanceUnitStage } from '@oversight/contracts';
import { CallerInfo, requireOrg } from '@oversight/platform';
import { ASSESSMENT_RULES } from './acceptance-calendar';
import {
  AcceptanceCampaignEntity,
  AcceptanceInspectionEntity,
  AcceptanceNoticeEntity,
  AcceptanceProgressEntity,
  AcceptanceRectificationEntity,
  AcceptanceSelfCheckEntity,
  AcceptanceUnitEntity,
  AcceptanceWorkPlanEntity,
  AssessmentInputEntity,
} from './acceptance-campaign.entity';
import { AcceptanceCampaignService } from './acceptance-campaign.service';
import { BoardQuery } from './acceptance-campaign.dto';
import { applicableItems } from './acceptance-checklist';
import { AcceptanceEvidenceService, evidenceView } from './acceptance-evidence.service';
import { LEADING_GROUP_OFFICE, STAGE_LABEL, WINDOW_LABEL } from './acceptance-stage.util';

const iso = (d: Date | null) => d?.toISOString() ?? null;
const average = (values: (number | null)[]) => {
  const present = values.filter((v): v is number => v !== null);
  return present.length === 0
    ? null
    : Math.round((present.reduce((a, b) => a + b, 0) / present.length) * 10) / 10;
};

export type BoardRow = ReturnType<AcceptanceBoardService['row']>;

/** The office's live board, one unit's file, and the assessment input. Reads only. */
@Injectable()
export class AcceptanceBoardService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: AcceptanceCampaignService,
    private readonly evidence: AcceptanceEvidenceService,
  ) {}

  async board(campaignId: string, query: BoardQuery, caller: CallerInfo) {
    requireOrg(caller, LEADING_GROUP_OFFICE);
    const campaign = await this.campaigns.campaign(campaignId);
    const rows = await this.rows(campaign);
    const units = rows.filter(
      (r) =>
        (!query.stage || r.stage === query.stage) &&
        (query.late === undefined || r.late === (query.late === 'true')),
    );
    const byStage = Object.fromEntries(
      (Object.keys(STAGE_LABEL) as AcceptanceUnitStage[]).map((s) => [
        s,
        rows.filter((r) => r.stage === s).length,
      ]),
    );
    return {
      campaign: this.campaigns.summaryView(campaign),
      totals: {
        units: rows.length,
        demonstrationUnits: rows.filter((r) => r.demonstration).length,
        byStage,
        late: rows.filter((r) => r.late).length,
        workPlansSubmitted: rows.filter((r) => r.workPlanSubmittedAt).length,
        selfChecksSubmitted: rows.filter((r) => r.selfCheckSubmittedAt).length,
        accepted: byStage.accepted,
        failed: byStage.failed,
        averageSelfScore: average(rows.map((r) => r.selfScore)),
        averageInspectionScore: average(rows.map((r) => r.inspectionScore)),
      },
      units,
    };
  }

  /** Every unit of the campaign with what the board shows about it, demonstration units first. */
  async rows(campaign: AcceptanceCampaignEntity): Promise<BoardRow[]> {
    const units = await this.dataSource.getRepository(AcceptanceUnitEntity).find({
      where: { campaignId: campaign.id },
      order: { demonstration: 'DESC', kind: 'ASC', unitCode: 'ASC' },
    });
    const counts = (await this.dataSource.query(
      `SELECT u.unit_code,
              (SELECT count(*) FROM justice_bureau.acceptance_progress p
                WHERE p.campaign_id = u.campaign_id AND p.unit_code = u.unit_code)::int AS progress,
              (SELECT count(*) FROM justice_bureau.acceptance_evidence e
                WHERE e.campaign_id = u.campaign_id AND e.unit_code = u.unit_code)::int AS evidence,
              (SELECT count(*) FROM justice_bureau.acceptance_notice n
                WHERE n.campaign_id = u.campaign_id AND n.unit_code = u.unit_code)::int AS notices
         FROM justice_bureau.acceptance_unit u WHERE u.campaign_id = $1`,
      [campaign.id],
    )) as { unit_code: string; progress: number; evidence: number; notices: number }[];
    return units.map((u) =>
      this.row(
        u,
        counts.find((c) => c.unit_code === u.unitCode),
      ),
    );
  }

  row(u: AcceptanceUnitEntity, counts?: { progress: number; evidence: number; notices: number }) {
    return {
      code: u.unitCode,
      name: u.name,
      kind: u.kind,
      demonstration: u.demonstration,
      stage: u.stage,
      stageLabel: STAGE_LABEL[u.stage],
      stageChangedAt: iso(u.stageChangedAt),
      late: u.lateWindows.length > 0,
      lateWindows: u.lateWindows.map((w) => ({ window: w, label: WINDOW_LABEL[w] })),
      workPlanSubmittedAt: iso(u.workPlanSubmittedAt),
      progressRecords: counts?.progress ?? 0,
      evidenceFiles: counts?.evidence ?? 0,
      notices: counts?.notices ?? 0,
      selfCheckSubmittedAt: iso(u.selfCheckSubmittedAt),
      selfScore: u.selfScore,
      inspectionScore: u.inspectionScore,
      rectificationRounds: u.rectificationRounds,
      rectificationDueAt: iso(u.rectificationDueAt),
      result: u.result,
      decidedAt: iso(u.decidedAt),
    };
  }

  /** One unit's file: the board row and everything it submitted and was told. */
  async unitFile(campaign: AcceptanceCampaignEntity, unit: AcceptanceUnitEntity) {
    const where = { campaignId: campaign.id, unitCode: unit.unitCode };
    const m = this.dataSource.manager;
    const [workPlan, progress, selfCheck, inspections, rectifications, notices, evidence] = await Promise.all(
      [
        m.findOneBy(AcceptanceWorkPlanEntity, where),
        m.find(AcceptanceProgressEntity, { where, order: { recordedAt: 'ASC' } }),
        m.findOneBy(AcceptanceSelfCheckEntity, where),
        m.find(AcceptanceInspectionEntity, { where, order: { round: 'ASC' } }),
        m.find(AcceptanceRectificationEntity, { where, order: { round: 'ASC' } }),
        m.find(AcceptanceNoticeEntity, { where, order: { raisedAt: 'ASC' } }),
        this.evidence.list(campaign.id, unit.unitCode),
      ],
    );
    return {
      campaign: this.campaigns.summaryView(campaign),
      unit: this.row(unit, { progress: progress.length, evidence: evidence.length, notices: notices.length }),
      checklist: applicableItems(campaign.checklist, unit.kind),
      workPlan: workPlan && {
        id: workPlan.id,
        title: workPlan.title,
        summary: workPlan.summary,
        documentIds: workPlan.documentIds,
        submittedAt: iso(workPlan.submittedAt),
      },
      progress: progress.map((p) => ({
        id: p.id,
        note: p.note,
        itemCodes: p.itemCodes,
        evidenceIds: p.evidenceIds,
        recordedAt: iso(p.recordedAt),
      })),
      evidence: evidence.map(evidenceView),
      selfCheck: selfCheck && {
        id: selfCheck.id,
        summary: selfCheck.summary,
        sheet: selfCheck.sheet,
        submittedAt: iso(selfCheck.submittedAt),
      },
      inspections: inspections.map((i) => ({
        id: i.id,
        round: i.round,
        decision: i.decision,
        score: i.sheet.percent,
        sheet: i.sheet,
        opinion: i.opinion,
        rectificationRequirements: i.rectificationRequirements,
        rectificationDueAt: iso(i.rectificationDueAt),
        inspectors: i.inspectors,
        inspectedAt: iso(i.inspectedAt),
      })),
      rectifications: rectifications.map((r) => ({
        id: r.id,
        round: r.round,
        report: r.report,
        evidenceIds: r.evidenceIds,
        late: r.late,
        submittedAt: iso(r.submittedAt),
      })),
      notices: notices.map((n) => ({
        id: n.id,
        window: n.window,
        label: WINDOW_LABEL[n.window],
        level: n.level,
        round: n.round,
        toOrg: n.toOrg,
        dueAt: iso(n.dueAt),
        raisedAt: iso(n.raisedAt),
      })),
    };
  }

  async assessmentInputs(year: number, unit: string | undefined, caller: CallerInfo) {
    requireOrg(caller, LEADING_GROUP_OFFICE);
    const rows = await this.dataSource.getRepository(AssessmentInputEntity).find({
      where: { year, ...(unit ? { unitCode: unit } : {}) },
      order: { unitCode: 'ASC', recordedAt: 'ASC' },
    });
    return {
      year,
      items: rows.map((r) => ({
        unitCode: r.unitCode,
        source: r.source,
        sourceRef: r.sourceRef,
        result: r.result,
        score: r.score,
        outcome: r.outcome,
        outcomeLabel: ASSESSMENT_RULES.labels[r.outcome as keyof typeof ASSESSMENT_RULES.labels] ?? r.outcome,
        detail: r.detail,
        basis: r.basis,
        recordedAt: iso(r.recordedAt),
      })),
    };
  }
}

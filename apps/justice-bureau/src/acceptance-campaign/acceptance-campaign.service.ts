import { Injectable } from '@nestjs/common';
import { isUniqueViolation } from '@oversight/database';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, In } from 'typeorm';
import { AcceptanceCampaignStartedV1, TOPIC } from '@oversight/contracts';
import { endOfBeijingDay } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import {
  badRequest,
  CallerInfo,
  conflict,
  FieldError,
  notFound,
  requireOrg,
  unprocessable,
} from '@oversight/platform';
import { OrganisationEntity } from '../organisation/organisation.entity';
import {
  CALENDAR_FIELDS,
  calendarErrors,
  calendarInstants,
  CampaignDays,
  campaignDays,
  chineseDay,
  PASS_SCORE,
  PLAN_CALENDAR,
} from './acceptance-calendar';
import { AcceptanceCampaignEntity, AcceptanceUnitEntity } from './acceptance-campaign.entity';
import { StartCampaignDto } from './acceptance-campaign.dto';
import { ACCEPTANCE_CHECKLIST, UnitKind } from './acceptance-checklist';
import { LEADING_GROUP_OFFICE } from './acceptance-stage.util';

export const CAMPAIGN = { zh: '创建验收活动', en: 'Acceptance campaign' };
const UNIT_KINDS: UnitKind[] = ['agency', 'town'];

/** The leading-group office starts a campaign and reads it back. */
@Injectable()
export class AcceptanceCampaignService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  /**
   * Stores the campaign, its units and the started event in one transaction; the event's consumer
   * starts the process (so a campaign without a process, or the reverse, cannot exist for long).
   */
  async start(dto: StartCampaignDto, caller: CallerInfo) {
    requireOrg(caller, LEADING_GROUP_OFFICE);
    const chosen: Partial<CampaignDays> = {};
    const fieldErrors: FieldError[] = [];
    for (const field of CALENDAR_FIELDS) {
      const day = dto[field];
      if (day === undefined) continue;
      try {
        endOfBeijingDay(day);
        chosen[field] = day;
      } catch {
        const label = PLAN_CALENDAR[field].label;
        fieldErrors.push({ field, zh: `${label.zh}：不是有效的日期`, en: `${field} is not a valid date` });
      }
    }
    if (fieldErrors.length > 0) {
      throw badRequest(
        { zh: '提交的内容有误，请按提示修改。', en: 'The submission has errors; please correct them.' },
        fieldErrors,
      );
    }
    const days = campaignDays(dto.year, chosen);
    const order = calendarErrors(days);
    if (order.length > 0) {
      throw unprocessable({
        zh: `验收日程安排不合理：${order.map((e) => e.zh).join('；')}。`,
        en: `The campaign calendar is out of order: ${order.map((e) => e.en).join('; ')}.`,
      });
    }
    const calendar = calendarInstants(days);
    if (new Date(calendar.planDueAt) <= new Date()) {
      throw unprocessable({
        zh: `工作方案报送截止日（${chineseDay(days.planDueDate)}）已过，请调整日程。`,
        en: `The work plan due date (${days.planDueDate}) has passed; choose later dates.`,
      });
    }
    const units = await this.participants(dto.participants);
    const existing = await this.dataSource
      .getRepository(AcceptanceCampaignEntity)
      .findOneBy({ year: dto.year });
    if (existing) throw this.yearTaken(dto.year, existing.id);

    const id = randomUUID();
    const title = dto.title ?? `${dto.year}年度“一体四化”行政执法协调监督工作体系先行区创建验收`;
    const passScore = dto.passScore ?? PASS_SCORE.value;
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(AcceptanceCampaignEntity, {
          id,
          year: dto.year,
          title,
          status: 'starting',
          planDueAt: new Date(calendar.planDueAt),
          creationStartsAt: new Date(calendar.creationStartsAt),
          selfCheckStartsAt: new Date(calendar.selfCheckStartsAt),
          selfCheckEndsAt: new Date(calendar.selfCheckEndsAt),
          acceptanceStartsAt: new Date(calendar.acceptanceStartsAt),
          acceptanceEndsAt: new Date(calendar.acceptanceEndsAt),
          summaryStartsAt: new Date(calendar.summaryStartsAt),
          summaryEndsAt: new Date(calendar.summaryEndsAt),
          passScore,
          checklist: ACCEPTANCE_CHECKLIST,
          startedBy: caller.user,
        });
        await manager.insert(
          AcceptanceUnitEntity,
          units.map((u) => ({
            campaignId: id,
            unitCode: u.code,
            name: u.name,
            kind: u.kind as UnitKind,
            demonstration: u.demonstration,
            stage: 'work-plan' as const,
            lateWindows: [],
          })),
        );
        await this.outbox.record<AcceptanceCampaignStartedV1>(manager, {
          topic: TOPIC.acceptanceCampaignStarted,
          subject: id,
          data: {
            campaignId: id,
            year: dto.year,
            title,
            units: units.map((u) => u.code),
            demonstrationUnits: units.filter((u) => u.demonstration).map((u) => u.code),
            calendar,
            passScore,
            startedBy: caller.user,
          },
        });
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw this.yearTaken(dto.year, null);
      }
      throw error;
    }
    this.outbox.kick();
    return this.view(await this.campaign(id));
  }

  async list(caller: CallerInfo) {
    requireOrg(caller, LEADING_GROUP_OFFICE);
    const campaigns = await this.dataSource
      .getRepository(AcceptanceCampaignEntity)
      .find({ order: { year: 'DESC' } });
    return campaigns.map((c) => this.summaryView(c));
  }

  async get(id: string, caller: CallerInfo) {
    requireOrg(caller, LEADING_GROUP_OFFICE);
    return this.view(await this.campaign(id));
  }

  async campaign(id: string): Promise<AcceptanceCampaignEntity> {
    const campaign = await this.dataSource.getRepository(AcceptanceCampaignEntity).findOneBy({ id });
    if (!campaign) throw notFound(CAMPAIGN, id);
    return campaign;
  }

  summaryView(c: AcceptanceCampaignEntity) {
    return {
      id: c.id,
      year: c.year,
      title: c.title,
      status: c.status,
      calendar: calendarView(c),
      passScore: c.passScore,
      summaryLate: c.summaryLate,
      summarisedAt: c.summarisedAt?.toISOString() ?? null,
    };
  }

  async view(c: AcceptanceCampaignEntity) {
    const units = await this.dataSource
      .getRepository(AcceptanceUnitEntity)
      .find({ where: { campaignId: c.id }, order: { kind: 'ASC', unitCode: 'ASC' } });
    return {
      ...this.summaryView(c),
      checklist: c.checklist,
      participants: units.map((u) => ({
        code: u.unitCode,
        name: u.name,
        kind: u.kind,
        demonstration: u.demonstration,
      })),
      summary: c.summary,
      reportNumber: c.reportNumber,
    };
  }

  /** The named units, or every county department and town; each must be one of those. */
  private async participants(codes: string[] | undefined): Promise<OrganisationEntity[]> {
    const repo = this.dataSource.getRepository(OrganisationEntity);
    if (codes === undefined) {
      return repo.find({ where: { kind: In(UNIT_KINDS) }, order: { kind: 'ASC', code: 'ASC' } });
    }
    const duplicates = codes.filter((c, i) => codes.indexOf(c) !== i);
    if (duplicates.length > 0) {
      throw unprocessable({
        zh: `参加单位重复：${[...new Set(duplicates)].join('、')}`,
        en: `Participants listed twice: ${[...new Set(duplicates)].join(', ')}`,
      });
    }
    if (codes.length === 0) {
      throw unprocessable({ zh: '请至少选择一个参加单位。', en: 'Name at least one participating unit.' });
    }
    const found = await repo.findBy({ code: In(codes) });
    const unknown = codes.filter((c) => !found.some((o) => o.code === c));
    if (unknown.length > 0) {
      throw unprocessable({
        zh: `以下单位不存在：${unknown.join('、')}，请从单位列表中选择。`,
        en: `Unknown organisations: ${unknown.join(', ')}; choose from the organisation list.`,
      });
    }
    const others = found.filter((o) => !UNIT_KINDS.includes(o.kind as UnitKind));
    if (others.length > 0) {
      throw unprocessable({
        zh: `以下单位不是县直行政执法部门或镇（区），不参加创建验收：${others.map((o) => o.name).join('、')}`,
        en: `Not a county department or town, so not a participant: ${others.map((o) => o.code).join(', ')}`,
      });
    }
    return codes.map((c) => found.find((o) => o.code === c) as OrganisationEntity);
  }

  private yearTaken(year: number, id: string | null) {
    return conflict({
      zh: `${year}年度的创建验收活动已经启动${id ? `（${id}）` : ''}，不能重复启动。`,
      en: `The ${year} acceptance campaign has already been started${id ? ` (${id})` : ''}.`,
    });
  }
}

export function calendarView(c: AcceptanceCampaignEntity) {
  return {
    planDueAt: c.planDueAt.toISOString(),
    creationStartsAt: c.creationStartsAt.toISOString(),
    selfCheckStartsAt: c.selfCheckStartsAt.toISOString(),
    selfCheckEndsAt: c.selfCheckEndsAt.toISOString(),
    acceptanceStartsAt: c.acceptanceStartsAt.toISOString(),
    acceptanceEndsAt: c.acceptanceEndsAt.toISOString(),
    summaryStartsAt: c.summaryStartsAt.toISOString(),
    summaryEndsAt: c.summaryEndsAt.toISOString(),
  };
}

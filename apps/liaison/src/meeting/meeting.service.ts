import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { TOPIC, TRANSFER_KIND, TransferChangedV1, transferKey } from '@oversight/contracts';
import { readSnapshot } from '@oversight/database';
import { beijingDate, endOfBeijingDay } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { CallerInfo, conflict, forbidden, notFound, unprocessable } from '@oversight/platform';
import { requireSecretary, SUPERVISING_BODIES } from '../liaison-access';
import { kindLabel, LIAISON_MEETING } from '../transfer/transfer-kinds';
import { AgendaDto, AttendanceDto, MinutesDto, ResolutionDto, ScheduleMeetingDto } from './meeting.dto';
import { AgendaItemEntity, MeetingEntity, ResolutionEntity } from './meeting.entity';

const MEETING = { zh: '联席会议', en: 'Meeting' };
/** Open transfers falling due within this many days join the generated agenda beside the overdue ones. */
export const AGENDA_HORIZON_DAYS = 14;
const AGENDA_LIMIT = 100;

interface TransferRow {
  kind: string;
  source_ref: string;
  sender: string | null;
  receiver: string | null;
  subject: string | null;
  due_at: Date | null;
  overdue: boolean;
}

/**
 * Meetings of the liaison meeting: scheduled by the secretary with an agenda generated from open and
 * overdue transfers and still-open resolutions, held (attendance, minutes), and their resolutions
 * tracked to closure. Each resolution is itself a transfer (to its owner), published like any other.
 */
@Injectable()
export class MeetingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async schedule(dto: ScheduleMeetingDto, caller: CallerInfo) {
    requireSecretary(caller);
    const id = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(MeetingEntity, {
        id,
        title: dto.title,
        kind: dto.kind,
        scheduledAt: new Date(dto.scheduledAt),
        location: dto.location ?? null,
        status: 'scheduled',
        attendees: [],
        createdBy: caller.user ?? (caller.org as string),
      });
      const items = await this.generatedAgenda(manager);
      await manager.insert(
        AgendaItemEntity,
        items.map((item, position) => ({ id: randomUUID(), meetingId: id, position, ...item })),
      );
    });
    return this.get(id);
  }

  async list() {
    const meetings = await this.dataSource
      .getRepository(MeetingEntity)
      .find({ order: { scheduledAt: 'DESC' }, take: 200 });
    return meetings.map((m) => ({ ...m, minutes: undefined }));
  }

  get(id: string) {
    return readSnapshot(this.dataSource, async (m) => {
      const meeting = await m.getRepository(MeetingEntity).findOneBy({ id });
      if (!meeting) throw notFound(MEETING, id);
      const [agenda, resolutions] = await Promise.all([
        m.getRepository(AgendaItemEntity).find({ where: { meetingId: id }, order: { position: 'ASC' } }),
        m.getRepository(ResolutionEntity).find({ where: { meetingId: id }, order: { createdAt: 'ASC' } }),
      ]);
      return { ...meeting, agenda, resolutions: resolutions.map(resolutionView) };
    });
  }

  /** The secretary edits the generated agenda until the meeting is held. */
  async replaceAgenda(id: string, dto: AgendaDto, caller: CallerInfo) {
    requireSecretary(caller);
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.locked(manager, id);
      if (meeting.status !== 'scheduled') {
        throw conflict({
          zh: '会议已召开，议程不能再修改。',
          en: 'The meeting has been held; its agenda is final.',
        });
      }
      for (const item of dto.items) {
        if (item.source === 'transfer' && (!item.transferKind || !item.transferSourceRef)) {
          throw unprocessable({
            zh: `议题“${item.title}”须注明移送事项类型和编号。`,
            en: `Agenda item "${item.title}" must name the transfer's kind and source ref.`,
          });
        }
      }
      await manager.delete(AgendaItemEntity, { meetingId: id });
      await manager.insert(
        AgendaItemEntity,
        dto.items.map((item, position) => ({
          id: randomUUID(),
          meetingId: id,
          position,
          source: item.source,
          title: item.title,
          note: item.note ?? null,
          transferKind: item.transferKind ?? null,
          transferSourceRef: item.transferSourceRef ?? null,
          resolutionId: item.resolutionId ?? null,
        })),
      );
    });
    return this.get(id);
  }

  async recordAttendance(id: string, dto: AttendanceDto, caller: CallerInfo) {
    requireSecretary(caller);
    await this.dataSource.transaction(async (manager) => {
      await this.locked(manager, id);
      await manager.update(MeetingEntity, { id }, { attendees: dto.attendees });
    });
    return this.get(id);
  }

  /** Minutes mark the meeting as held; they may be corrected afterwards. */
  async recordMinutes(id: string, dto: MinutesDto, caller: CallerInfo) {
    requireSecretary(caller);
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.locked(manager, id);
      if (meeting.attendees.length === 0) {
        throw unprocessable({ zh: '请先登记参会人员。', en: 'Record the attendance first.' });
      }
      await manager.update(
        MeetingEntity,
        { id },
        { minutes: dto.minutes, status: 'held', heldAt: meeting.heldAt ?? new Date() },
      );
    });
    return this.get(id);
  }

  async addResolution(id: string, dto: ResolutionDto, caller: CallerInfo) {
    requireSecretary(caller);
    const dueAt = endOfBeijingDay(dto.dueDate);
    if (dueAt.getTime() <= Date.now()) {
      throw unprocessable({ zh: '完成期限须晚于今天。', en: 'The due date must be after today.' });
    }
    const resolutionId = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      const meeting = await this.locked(manager, id);
      if (meeting.status !== 'held') {
        throw conflict({
          zh: '会议召开并记录纪要后才能形成议定事项。',
          en: 'Resolutions follow the minutes of a held meeting.',
        });
      }
      const resolution = {
        id: resolutionId,
        meetingId: id,
        title: dto.title,
        ownerOrg: dto.ownerOrg,
        dueAt,
        transferKind: dto.transferKind ?? null,
        transferSourceRef: dto.transferSourceRef ?? null,
        status: 'open' as const,
      };
      await manager.insert(ResolutionEntity, resolution);
      await this.publish(manager, resolutionId, {
        sender: LIAISON_MEETING,
        receiver: dto.ownerOrg,
        subject: `${meeting.title}：${dto.title}`,
        dueAt: dueAt.toISOString(),
        status: 'open',
      });
    });
    this.outbox.kick();
    return resolutionView(
      (await this.dataSource
        .getRepository(ResolutionEntity)
        .findOneBy({ id: resolutionId })) as ResolutionEntity,
    );
  }

  /** The owner (or the secretary) reports the resolution done. */
  async closeResolution(resolutionId: string, outcome: string, caller: CallerInfo) {
    const resolution = await this.dataSource.getRepository(ResolutionEntity).findOneBy({ id: resolutionId });
    if (!resolution) throw notFound({ zh: '议定事项', en: 'Resolution' }, resolutionId);
    const secretary =
      !!caller.org && SUPERVISING_BODIES.includes(caller.org) && caller.roles.includes('secretary');
    if (caller.org !== resolution.ownerOrg && !secretary) {
      throw forbidden({
        zh: '只有责任单位或会议秘书可以办结议定事项。',
        en: 'Only the owner or the secretary may close it.',
      });
    }
    await this.dataSource.transaction(async (manager) => {
      const { affected } = await manager.update(
        ResolutionEntity,
        { id: resolutionId, status: 'open' },
        { status: 'closed', outcome, closedAt: new Date() },
      );
      if (!affected) throw conflict({ zh: '该议定事项已办结。', en: 'This resolution is already closed.' });
      await this.publish(manager, resolutionId, { status: 'closed', closed: true });
    });
    this.outbox.kick();
    return resolutionView(
      (await this.dataSource
        .getRepository(ResolutionEntity)
        .findOneBy({ id: resolutionId })) as ResolutionEntity,
    );
  }

  async resolutions(open?: boolean) {
    const rows = await this.dataSource.getRepository(ResolutionEntity).find({
      where: open === undefined ? {} : { status: open ? 'open' : 'closed' },
      order: { dueAt: 'ASC' },
      take: 500,
    });
    return rows.map(resolutionView);
  }

  /** Open resolutions first (they come back until closed), then overdue transfers, then those due soon. */
  private async generatedAgenda(manager: EntityManager) {
    const open = await manager.find(ResolutionEntity, { where: { status: 'open' }, order: { dueAt: 'ASC' } });
    const transfers = (await manager.query(
      `SELECT kind, source_ref, sender, receiver, subject, due_at,
              (overdue_since IS NOT NULL OR due_at < now()) AS overdue
         FROM liaison.transfer
        WHERE closed_at IS NULL AND kind <> $1
          AND (overdue_since IS NOT NULL OR due_at < now() + ($2 || ' days')::interval)
        ORDER BY (overdue_since IS NOT NULL OR due_at < now()) DESC, due_at ASC NULLS LAST
        LIMIT $3`,
      [TRANSFER_KIND.meetingResolution, String(AGENDA_HORIZON_DAYS), AGENDA_LIMIT],
    )) as TransferRow[];
    return [
      ...open.map((r) => ({
        source: 'resolution' as const,
        resolutionId: r.id,
        transferKind: null,
        transferSourceRef: null,
        title: `${r.dueAt < new Date() ? '【逾期】' : ''}议定事项：${r.title}（责任单位 ${r.ownerOrg}，期限 ${beijingDate(new Date(r.dueAt.getTime() - 1))}）`,
        note: null,
      })),
      ...transfers.map((t) => ({
        source: 'transfer' as const,
        resolutionId: null,
        transferKind: t.kind,
        transferSourceRef: t.source_ref,
        title: `${t.overdue ? '【逾期】' : ''}${kindLabel(t.kind)}：${t.sender ?? '—'} → ${t.receiver ?? '—'}，${t.subject ?? ''}${
          t.due_at ? `（期限 ${beijingDate(new Date(new Date(t.due_at).getTime() - 1))}）` : ''
        }`,
        note: null,
      })),
    ];
  }

  private async locked(manager: EntityManager, id: string): Promise<MeetingEntity> {
    const meeting = await manager.findOne(MeetingEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    if (!meeting) throw notFound(MEETING, id);
    return meeting;
  }

  private async publish(manager: EntityManager, resolutionId: string, facts: Partial<TransferChangedV1>) {
    const data: TransferChangedV1 = {
      kind: TRANSFER_KIND.meetingResolution,
      sourceRef: resolutionId,
      ...facts,
    };
    await this.outbox.record<TransferChangedV1>(manager, {
      topic: TOPIC.transferChanged,
      subject: transferKey(data),
      data,
    });
  }
}

function resolutionView(r: ResolutionEntity) {
  return { ...r, overdue: r.status === 'open' && r.dueAt.getTime() < Date.now() };
}

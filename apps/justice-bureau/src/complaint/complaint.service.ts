import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ComplaintRegisteredV1, TOPIC } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { badRequest, notFound, unprocessable } from '@oversight/platform';
import { DEADLINE_RULES, dueAt } from '../deadline/deadline-rules';
import { OrganisationService } from '../organisation/organisation.service';
import { ComplainantEntity } from './complainant.entity';
import { ComplaintEntity } from './complaint.entity';
import { ComplaintReceipt, RegisterComplaintDto } from './register-complaint.dto';

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I: read out over the phone

/** A tracking code the complainant can read and type: TS + date + 6 characters. */
export function newTrackingCode(now: Date): string {
  const date = now.toISOString().slice(0, 10).replace(/-/g, '');
  let suffix = '';
  for (let i = 0; i < 6; i += 1) suffix += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `TS${date}-${suffix}`;
}

@Injectable()
export class ComplaintService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly organisations: OrganisationService,
  ) {}

  /** Stores the complaint, the complainant apart, and the registered event, in one transaction. */
  async register(dto: RegisterComplaintDto): Promise<ComplaintReceipt> {
    if (dto.anonymous && dto.complainant) {
      throw badRequest({
        zh: '匿名投诉不应填写投诉人身份信息。',
        en: 'An anonymous complaint must not carry the complainant’s identity.',
      });
    }
    const respondent = await this.organisations.find(dto.respondentOrg);
    if (!respondent) {
      throw unprocessable({
        zh: `被投诉单位“${dto.respondentOrg}”不存在，请从单位列表中选择。`,
        en: `Unknown organisation "${dto.respondentOrg}"; choose one from the organisation list.`,
      });
    }
    const now = new Date();
    const rule = DEADLINE_RULES.complaintAcceptance;
    const complaint: ComplaintEntity = Object.assign(new ComplaintEntity(), {
      id: randomUUID(),
      trackingCode: newTrackingCode(now),
      channel: dto.channel,
      anonymous: dto.anonymous,
      respondentOrg: respondent.code,
      category: dto.category,
      summary: dto.summary,
      details: dto.details,
      status: 'registered',
      acceptanceDueAt: dueAt(rule, now),
      acceptanceRule: rule,
      processInstanceId: null,
      decision: null,
      decisionReason: null,
      decidedAt: null,
      overdueAt: null,
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.insert(ComplaintEntity, complaint);
      if (dto.complainant) {
        await manager.insert(ComplainantEntity, {
          complaintId: complaint.id,
          name: dto.complainant.name,
          phone: dto.complainant.phone,
          idNumber: dto.complainant.idNumber ?? null,
          address: dto.complainant.address ?? null,
        });
      }
      await this.outbox.record<ComplaintRegisteredV1>(manager, {
        topic: TOPIC.complaintRegistered,
        subject: complaint.id,
        data: {
          complaintId: complaint.id,
          trackingCode: complaint.trackingCode,
          channel: complaint.channel,
          anonymous: complaint.anonymous,
          respondentOrg: complaint.respondentOrg,
          category: complaint.category,
          summary: complaint.summary,
          registeredAt: now.toISOString(),
          acceptanceDueAt: complaint.acceptanceDueAt.toISOString(),
          acceptanceRule: rule,
        },
      });
    });
    this.outbox.kick();
    return {
      id: complaint.id,
      trackingCode: complaint.trackingCode,
      status: complaint.status,
      acceptanceDueAt: complaint.acceptanceDueAt.toISOString(),
      acceptanceRule: { basis: rule.basis, length: rule.length, unit: rule.unit },
    };
  }

  async get(id: string): Promise<ComplaintEntity> {
    const complaint = await this.dataSource.getRepository(ComplaintEntity).findOneBy({ id });
    if (!complaint) throw notFound({ zh: '投诉', en: 'Complaint' }, id);
    return complaint;
  }
}

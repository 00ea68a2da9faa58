import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ComplaintRegisteredV1, TOPIC } from '@oversight/contracts';
import { insertStatement, runStatements } from '@oversight/database';
import { dueAt } from '@oversight/deadlines';
import { OutboxService } from '@oversight/messaging';
import { badRequest, notFound, unprocessable } from '@oversight/platform';
import { DEADLINE_RULES } from '../deadline/deadline-rules';
import { OrganisationService } from '../organisation/organisation.service';
import { AttachmentService, AttachmentView, UploadedFileData } from './attachment.service';
import { historyStatement } from './complaint-history.util';
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

export const COMPLAINT = { zh: '投诉', en: 'Complaint' };

@Injectable()
export class ComplaintService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly organisations: OrganisationService,
    private readonly attachments: AttachmentService,
  ) {}

  /**
   * Stores the complaint, the complainant apart, its attachments and the registered event, in one
   * transaction: either all of it is kept or none.
   */
  async register(dto: RegisterComplaintDto, files: UploadedFileData[] = []): Promise<ComplaintReceipt> {
    if (dto.anonymous && dto.complainant) {
      throw badRequest({
        zh: '匿名投诉不应填写投诉人身份信息。',
        en: 'An anonymous complaint must not carry the complainant’s identity.',
      });
    }
    this.attachments.validate(files);
    const respondent = await this.organisations.find(dto.respondentOrg);
    if (!respondent) {
      throw unprocessable({
        zh: `被投诉单位“${dto.respondentOrg}”不存在，请从单位列表中选择。`,
        en: `Unknown organisation "${dto.respondentOrg}"; choose one from the organisation list.`,
      });
    }
    const now = new Date();
    const rule = DEADLINE_RULES.complaintAcceptance;
    const complaint: Partial<ComplaintEntity> = {
      id: randomUUID(),
      trackingCode: newTrackingCode(now),
      channel: dto.channel,
      anonymous: dto.anonymous,
      respondentOrg: respondent.code,
      category: dto.category,
      matter: dto.matter ?? null,
      summary: dto.summary,
      details: dto.details,
      status: 'registered',
      acceptanceDueAt: dueAt(rule, now),
      acceptanceRule: rule,
    };
    const id = complaint.id as string;
    // The complaint, its first history line and its event in one round trip (one implicit transaction);
    // files, if any, follow in the same transaction as parameters of their own statements.
    const statements = [
      insertStatement(this.dataSource, ComplaintEntity, complaint),
      ...(dto.complainant
        ? [
            insertStatement(this.dataSource, ComplainantEntity, {
              complaintId: id,
              name: dto.complainant.name,
              phone: dto.complainant.phone,
              idNumber: dto.complainant.idNumber ?? null,
              address: dto.complainant.address ?? null,
            }),
          ]
        : []),
      historyStatement(this.dataSource, {
        complaintId: id,
        kind: 'registered',
        public: true,
        zh: `投诉已登记，查询码 ${complaint.trackingCode}。将于${complaint.acceptanceDueAt?.toISOString().slice(0, 10)}前决定是否受理。`,
        en: `Complaint registered, tracking code ${complaint.trackingCode}. Acceptance will be decided by ${complaint.acceptanceDueAt?.toISOString().slice(0, 10)}.`,
        sourceKey: `register:${id}`,
      }),
      this.outbox.prepare<ComplaintRegisteredV1>(this.dataSource, {
        topic: TOPIC.complaintRegistered,
        subject: id,
        data: {
          complaintId: id,
          trackingCode: complaint.trackingCode as string,
          channel: dto.channel,
          anonymous: dto.anonymous,
          respondentOrg: respondent.code,
          category: dto.category,
          summary: dto.summary,
          registeredAt: now.toISOString(),
          acceptanceDueAt: (complaint.acceptanceDueAt as Date).toISOString(),
          acceptanceRule: rule,
        },
      }).statement,
    ];
    let attachments: AttachmentView[] = [];
    if (files.length === 0) await runStatements(this.dataSource, statements);
    else {
      attachments = await this.dataSource.transaction(async (manager) => {
        await runStatements(manager, statements);
        return this.attachments.store(manager, id, 'complaint', files, null);
      });
    }
    this.outbox.kick();
    return {
      id,
      trackingCode: complaint.trackingCode as string,
      status: 'registered',
      acceptanceDueAt: (complaint.acceptanceDueAt as Date).toISOString(),
      acceptanceRule: { basis: rule.basis, length: rule.length, unit: rule.unit },
      attachments: attachments.map((a) => ({ id: a.id, filename: a.filename, size: a.size })),
    };
  }

  async get(id: string): Promise<ComplaintEntity> {
    const complaint = await this.dataSource.getRepository(ComplaintEntity).findOneBy({ id });
    if (!complaint) throw notFound(COMPLAINT, id);
    return complaint;
  }

  async byTrackingCode(code: string, manager = this.dataSource.manager): Promise<ComplaintEntity> {
    const complaint = await manager
      .getRepository(ComplaintEntity)
      .findOneBy({ trackingCode: code.trim().toUpperCase() });
    if (!complaint) throw notFound({ zh: '查询码对应的投诉', en: 'Complaint with tracking code' }, code);
    return complaint;
  }
}

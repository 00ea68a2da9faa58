import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CallerInfo, forbidden, notFound, requireOrg, unprocessable } from '@oversight/platform';
import { ComplainantEntity } from './complainant.entity';
import { IdentityAccessLogEntity } from './complaint-records.entity';
import { ComplaintEntity } from './complaint.entity';
import { JUSTICE_BUREAU } from './complaint-actions.service';

/**
 * The complainant's identity, only for justice-bureau staff with a need to know (clerk, head; declared on
 * the controller) who state why, never for the organisation complained about; the read and its purpose
 * are logged in the same transaction, so no read goes unrecorded (信访工作条例 Arts 30, 46).
 */
@Injectable()
export class ComplainantIdentityService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async read(complaintId: string, purpose: string, caller: CallerInfo) {
    requireOrg(caller, JUSTICE_BUREAU);
    if (!caller.user) {
      throw unprocessable({
        zh: '查阅身份信息须表明查阅人。',
        en: 'Reading an identity requires a named user.',
      });
    }
    return this.dataSource.transaction(async (manager) => {
      const complaint = await manager.findOneBy(ComplaintEntity, { id: complaintId });
      if (!complaint) throw notFound({ zh: '投诉', en: 'Complaint' }, complaintId);
      // Never to the body complained about, whatever its roles (信访工作条例 Art. 46).
      if (complaint.respondentOrg === caller.org) {
        throw forbidden({
          zh: '被投诉单位不得查阅投诉人身份信息。',
          en: 'The organisation complained about may never read the complainant’s identity.',
        });
      }
      const identity = await manager.findOneBy(ComplainantEntity, { complaintId });
      if (!identity)
        throw notFound(
          { zh: '投诉人身份信息（匿名投诉）', en: 'Identity (anonymous complaint)' },
          complaintId,
        );
      await manager.insert(IdentityAccessLogEntity, {
        id: randomUUID(),
        complaintId,
        actorUser: caller.user as string,
        actorOrg: caller.org as string,
        purpose,
      });
      return {
        name: identity.name,
        phone: identity.phone,
        idNumber: identity.idNumber,
        address: identity.address,
      };
    });
  }

  async accessLog(complaintId: string, caller: CallerInfo) {
    requireOrg(caller, JUSTICE_BUREAU);
    const rows = await this.dataSource
      .getRepository(IdentityAccessLogEntity)
      .find({ where: { complaintId }, order: { at: 'ASC' } });
    return rows.map((r) => ({
      user: r.actorUser,
      org: r.actorOrg,
      purpose: r.purpose,
      at: r.at.toISOString(),
    }));
  }
}

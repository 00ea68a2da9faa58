import { Injectable } from '@nestjs/common';
import { beijingDate } from '@oversight/deadlines';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { CallerInfo, conflict, notFound, unprocessable } from '@oversight/platform';
import { EnforcementPersonEntity } from '../officers/enforcement-person.entity';
import { REGISTER_RULES } from '../register-rules';
import { requireOrganisation } from '../register-scope.util';
import { AddNegativeEntryDto } from './negative-list-entry.dto';
import { NegativeListEntryEntity } from './negative-list-entry.entity';

const ENTRY = { zh: '负面清单条目', en: 'Negative-list entry' };

const entryView = (e: NegativeListEntryEntity) => ({
  id: e.id,
  subject: e.subject,
  org: e.orgCode,
  matter: e.matter,
  personId: e.personId,
  name: e.personName,
  reason: e.reason,
  basis: e.basis,
  listedOn: e.listedOn,
  listedBy: e.listedBy,
  removedAt: e.removedAt?.toISOString() ?? null,
  removalReason: e.removalReason,
});

/**
 * What the registers add to the negative list (负面清单): officers whose certificate is suspended or
 * revoked, and the entries the bureau lists by hand.
 */
@Injectable()
export class NegativeListRegisterService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  add(dto: AddNegativeEntryDto, caller: CallerInfo) {
    return this.dataSource.transaction(async (m) => {
      await requireOrganisation(m, dto.org);
      let personName = dto.personName ?? null;
      if (dto.subject === 'matter' && !dto.matter) {
        throw unprocessable({
          zh: '请填写列入负面清单的执法事项。',
          en: 'Name the enforcement matter (matter).',
        });
      }
      if (dto.subject === 'officer') {
        if (dto.personId) {
          const p = await m.findOneBy(EnforcementPersonEntity, { id: dto.personId });
          if (!p || p.orgCode !== dto.org) {
            throw unprocessable({
              zh: '所填人员不存在或不属于该单位。',
              en: 'The person does not exist or is not in that organisation.',
            });
          }
          personName = p.name;
        } else if (!personName) {
          throw unprocessable({
            zh: '请填写列入负面清单的执法人员（personId 或姓名）。',
            en: 'Name the officer (personId or personName).',
          });
        }
      }
      const id = randomUUID();
      await m.insert(NegativeListEntryEntity, {
        id,
        subject: dto.subject,
        orgCode: dto.org,
        matter: dto.matter ?? null,
        personId: dto.subject === 'officer' ? (dto.personId ?? null) : null,
        personName: dto.subject === 'officer' ? personName : null,
        reason: dto.reason,
        basis: dto.basis ?? REGISTER_RULES.negativeList.basis,
        listedOn: dto.listedOn ?? beijingDate(new Date()),
        listedBy: caller.user,
      });
      return entryView(await m.findOneByOrFail(NegativeListEntryEntity, { id }));
    });
  }

  remove(id: string, reason: string, caller: CallerInfo) {
    return this.dataSource.transaction(async (m) => {
      const e = await m.findOne(NegativeListEntryEntity, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!e) throw notFound(ENTRY, id);
      if (e.removedAt)
        throw conflict({ zh: '该条目已移出负面清单。', en: 'The entry has already been removed.' });
      await m.update(NegativeListEntryEntity, id, {
        removedAt: new Date(),
        removedBy: caller.user,
        removalReason: reason,
      });
      return entryView(await m.findOneByOrFail(NegativeListEntryEntity, { id }));
    });
  }

  async list(includeRemoved = false) {
    const rows = await this.dataSource.getRepository(NegativeListEntryEntity).find({
      where: includeRemoved ? {} : { removedAt: IsNull() },
      order: { listedOn: 'DESC', createdAt: 'DESC' },
    });
    return rows.map(entryView);
  }

  /** The register's part of GET /api/negative-list; `year` limits it to what happened in that year. */
  async contribution(year?: number) {
    const certificates = (await this.dataSource.query(
      `SELECT c.id, c.number, c.status, p.id AS person_id, p.name, p.org_code, o.name AS org_name,
              a.reason, a.basis, a.decided_at
         FROM justice_bureau.enforcement_certificate c
         JOIN justice_bureau.enforcement_person p ON p.id = c.person_id
         JOIN justice_bureau.organisation o ON o.code = p.org_code
         JOIN LATERAL (SELECT reason, basis, decided_at FROM justice_bureau.certificate_action x
                        WHERE x.certificate_id = c.id AND x.action IN ('suspend', 'revoke')
                        ORDER BY decided_at DESC LIMIT 1) a ON true
        WHERE c.status IN ('suspended', 'revoked')
          AND ($1::int IS NULL OR extract(year FROM a.decided_at AT TIME ZONE 'Asia/Shanghai') = $1)
        ORDER BY a.decided_at DESC`,
      [year ?? null],
    )) as Record<string, unknown>[];
    const manual = (await this.list()).filter((e) => !year || Number(e.listedOn.slice(0, 4)) === year);
    return {
      certificateSanctions: certificates.map((r) => ({
        certificateId: String(r.id),
        number: String(r.number),
        status: String(r.status),
        statusName: r.status === 'suspended' ? '暂扣' : '吊销',
        personId: String(r.person_id),
        name: String(r.name),
        org: String(r.org_code),
        orgName: String(r.org_name),
        reason: r.reason as string | null,
        basis: r.basis as string | null,
        decidedAt: new Date(r.decided_at as string).toISOString(),
      })),
      manualEntries: manual,
    };
  }
}

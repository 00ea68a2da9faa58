import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BODY, CriminalCaseCopiedV1, EventEnvelope, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { CriminalCaseCopyEntity } from './criminal-case-copy.entity';

/** Keeps the copy of a transfer addressed to the bureau; one row per transfer however often it comes. */
@Injectable()
@HandlesEvent(TOPIC.criminalCaseCopied)
export class CriminalCaseCopiedConsumer implements KafkaEventHandler<CriminalCaseCopiedV1> {
  async handle(event: EventEnvelope<CriminalCaseCopiedV1>, manager: EntityManager): Promise<void> {
    const d = event.data;
    if (!d.copyTo.includes(BODY.justiceBureau)) return;
    await manager
      .createQueryBuilder()
      .insert()
      .into(CriminalCaseCopyEntity)
      .values({
        caseId: d.caseId,
        referenceNo: d.referenceNo,
        agencyOrg: d.agencyOrg,
        policeOrg: d.policeOrg,
        title: d.title,
        suspectedOffence: d.suspectedOffence,
        documents: d.documents as never,
        transferredAt: new Date(d.transferredAt),
      })
      .orIgnore()
      .execute();
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, SUPERVISION_SOURCE, SupervisionCaseChangedV1, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { CaseFileReviewFileEntity } from '../case-file-review/case-file-review.entity';
import { FollowUpVisitEntity } from '../follow-up-visit/follow-up-visit.entity';
import { supervisionLinkUpdate } from './supervision-link.util';

/** The requesters whose rows keep the case opened for them, by `SupervisionCaseRequestedV1.source`. */
const REQUESTERS = {
  [SUPERVISION_SOURCE.caseFileReview]: CaseFileReviewFileEntity,
  [SUPERVISION_SOURCE.followUpVisit]: FollowUpVisitEntity,
} as const;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Closes the loop back to the case-file review and the follow-up visits: the review file or the visit
 * that asked for a supervision case records its number and latest status. Idempotent (inbox, and the
 * update is a plain overwrite) and order-insensitive: a change older than the one stored is ignored,
 * and a closed or dismissed case never goes back to an open status.
 */
@Injectable()
@HandlesEvent(TOPIC.supervisionCaseChanged)
export class RequestedSupervisionCaseChangedConsumer implements KafkaEventHandler<SupervisionCaseChangedV1> {
  async handle(event: EventEnvelope<SupervisionCaseChangedV1>, manager: EntityManager): Promise<void> {
    const entity = REQUESTERS[event.data.source as keyof typeof REQUESTERS];
    // A case opened by hand may name any reference; only our own rows (uuids) can be linked.
    if (!entity || !UUID.test(event.data.sourceRef)) return;
    const { set, where, params } = supervisionLinkUpdate(event.data, new Date(event.time));
    await manager
      .createQueryBuilder()
      .update(entity)
      .set(set)
      .where(`id = :id AND (${where})`, { id: event.data.sourceRef, ...params })
      .execute();
  }
}

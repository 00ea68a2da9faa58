import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { EventEnvelope, SUPERVISION_SOURCE, SupervisionCaseRequestedV1, TOPIC } from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { ApiError, ApiErrorBody } from '@oversight/platform';
import { SupervisionCaseService } from './supervision-case.service';

const SOURCES: string[] = Object.values(SUPERVISION_SOURCE);

/**
 * Another body or capability asks for a supervision case (joint inspection, case-file review, follow-up
 * visit…). One case per (source, sourceRef) however often the request arrives: the unique key and the
 * service's check make a repeated request a no-op. A request naming no supervised agency cannot become a
 * case: it fails and goes to the dead-letter topic for an administrator.
 */
@Injectable()
@HandlesEvent(TOPIC.supervisionCaseRequested)
export class SupervisionCaseRequestedConsumer implements KafkaEventHandler<SupervisionCaseRequestedV1> {
  private readonly logger = new Logger(SupervisionCaseRequestedConsumer.name);

  constructor(private readonly cases: SupervisionCaseService) {}

  async handle(event: EventEnvelope<SupervisionCaseRequestedV1>, manager: EntityManager): Promise<void> {
    const request = event.data;
    if (!SOURCES.includes(request.source)) throw new Error(`unknown supervision source ${request.source}`);
    if (!request.sourceRef || !request.subject || !request.facts) {
      throw new Error(`supervision case request ${event.id} lacks sourceRef, subject or facts`);
    }
    try {
      await this.cases.requireSupervised(manager, request.agencyCode);
    } catch (error) {
      // Nothing a retry can fix: say why, in the dead letter an administrator reads.
      const body = error instanceof ApiError ? (error.getResponse() as ApiErrorBody) : null;
      throw new Error(`supervision case request ${event.id}: ${body ? body.message.en : String(error)}`);
    }
    const opened = await this.cases.insert(manager, {
      source: request.source,
      sourceRef: request.sourceRef,
      requestedBy: request.requestedBy,
      agencyCode: request.agencyCode,
      subject: request.subject,
      facts: request.facts,
      openedBy: request.requestedBy,
    });
    if (!opened)
      this.logger.log(`case for ${request.source}:${request.sourceRef} exists; request ${event.id} ignored`);
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ClueReceiptIssuedV1,
  ClueResultReportedV1,
  ClueStatusReportedV1,
  EventEnvelope,
  TOPIC,
} from '@oversight/contracts';
import { HandlesEvent, KafkaEventHandler } from '@oversight/messaging';
import { ClueFeedbackService } from './clue-feedback.service';

/** 回执 from the justice bureau on a referral of the commission. */
@Injectable()
@HandlesEvent(TOPIC.bureauClueReceiptIssued)
export class ClueReceiptReceivedConsumer implements KafkaEventHandler<ClueReceiptIssuedV1> {
  constructor(private readonly feedback: ClueFeedbackService) {}

  handle(event: EventEnvelope<ClueReceiptIssuedV1>, manager: EntityManager): Promise<void> {
    return this.feedback.apply(event, { kind: 'receipt', data: event.data }, manager);
  }
}

/** 办理情况 from the justice bureau: kept or returned. */
@Injectable()
@HandlesEvent(TOPIC.bureauClueStatusReported)
export class ClueStatusReceivedConsumer implements KafkaEventHandler<ClueStatusReportedV1> {
  constructor(private readonly feedback: ClueFeedbackService) {}

  handle(event: EventEnvelope<ClueStatusReportedV1>, manager: EntityManager): Promise<void> {
    return this.feedback.apply(event, { kind: 'status', data: event.data }, manager);
  }
}

/** 处理结果 from the justice bureau. */
@Injectable()
@HandlesEvent(TOPIC.bureauClueResultReported)
export class ClueResultReceivedConsumer implements KafkaEventHandler<ClueResultReportedV1> {
  constructor(private readonly feedback: ClueFeedbackService) {}

  handle(event: EventEnvelope<ClueResultReportedV1>, manager: EntityManager): Promise<void> {
    return this.feedback.apply(event, { kind: 'result', data: event.data }, manager);
  }
}

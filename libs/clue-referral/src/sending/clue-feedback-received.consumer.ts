import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ClueReceiptIssuedV1,
  ClueResultReportedV1,
  ClueStatusReportedV1,
  EventEnvelope,
} from '@oversight/contracts';
import { KafkaEventHandler } from '@oversight/messaging';
import { ClueFeedbackService } from './clue-feedback.service';

/** 回执 from the receiver on a referral of the sender. */
@Injectable()
export class ClueReceiptReceivedConsumer implements KafkaEventHandler<ClueReceiptIssuedV1> {
  constructor(private readonly feedback: ClueFeedbackService) {}

  handle(event: EventEnvelope<ClueReceiptIssuedV1>, manager: EntityManager): Promise<void> {
    return this.feedback.apply(event, { kind: 'receipt', data: event.data }, manager);
  }
}

/** 办理情况 from the receiver: jurisdiction decided, disposal chosen, or the clue kept or returned. */
@Injectable()
export class ClueStatusReceivedConsumer implements KafkaEventHandler<ClueStatusReportedV1> {
  constructor(private readonly feedback: ClueFeedbackService) {}

  handle(event: EventEnvelope<ClueStatusReportedV1>, manager: EntityManager): Promise<void> {
    return this.feedback.apply(event, { kind: 'status', data: event.data }, manager);
  }
}

/** 处置结果 (处理结果) from the receiver. */
@Injectable()
export class ClueResultReceivedConsumer implements KafkaEventHandler<ClueResultReportedV1> {
  constructor(private readonly feedback: ClueFeedbackService) {}

  handle(event: EventEnvelope<ClueResultReportedV1>, manager: EntityManager): Promise<void> {
    return this.feedback.apply(event, { kind: 'result', data: event.data }, manager);
  }
}

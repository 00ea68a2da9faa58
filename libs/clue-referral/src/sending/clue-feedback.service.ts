import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import {
  CLUE_FEEDBACK_MESSAGE,
  ClueFeedbackKind,
  ClueReceiptIssuedV1,
  ClueResultReportedV1,
  ClueStatusReportedV1,
  EventEnvelope,
} from '@oversight/contracts';
import { RetryableError } from '@oversight/messaging';
import { EngineClient, EngineHttpError, EngineUnavailableError } from '@oversight/workflow';
import { ClueReferralEntity, REFERRAL_STAGE, ReferralStatus } from './clue-referral.entity';
import { ClueReferralFeedbackEntity, ClueReferralNoticeEntity } from './clue-referral-records.entity';
import { CLUE_REFERRAL_SENDER, ClueReferralSender } from './clue-referral-sender';

type Feedback =
  | { kind: 'receipt'; data: ClueReceiptIssuedV1 }
  | { kind: 'status'; data: ClueStatusReportedV1 }
  | { kind: 'result'; data: ClueResultReportedV1 };

/**
 * Records a feedback from the receiver on one of the sender's referrals and tells the
 * sending process. Order-insensitive: each kind writes its own columns, the status only moves forward, and
 * the process waits for the three kinds in parallel. A repeated feedback (same kind, same content) is
 * recorded once and correlated once.
 */
@Injectable()
export class ClueFeedbackService {
  private readonly logger = new Logger(ClueFeedbackService.name);

  constructor(
    private readonly engine: EngineClient,
    @Inject(CLUE_REFERRAL_SENDER) private readonly sender: ClueReferralSender,
  ) {}

  async apply(event: EventEnvelope, feedback: Feedback, manager: EntityManager): Promise<void> {
    const { data, kind } = feedback;
    if (data.senderOrg !== this.sender.org) return; // another sender's referral
    const referral = await manager.findOne(ClueReferralEntity, {
      where: { id: data.referralId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!referral?.sentAt || !referral.feedbackSchedule) {
      throw new Error(
        `feedback for clue referral ${data.referralId}, which this ${this.sender.label} never sent`,
      );
    }
    const occurredAt = new Date(
      kind === 'receipt'
        ? feedback.data.receivedAt
        : kind === 'status'
          ? feedback.data.reportedAt
          : feedback.data.decidedAt,
    );
    const dedupeKey = kind === 'status' ? `status:${feedback.data.status}` : kind;
    // Late: after its due date, or after the process (on the engine's clock) already reminded the receiver.
    const late =
      occurredAt.getTime() > new Date(referral.feedbackSchedule[kind].dueAt).getTime() ||
      (await manager.existsBy(ClueReferralNoticeEntity, { referralId: referral.id, feedback: kind }));
    const inserted = await manager
      .createQueryBuilder()
      .insert()
      .into(ClueReferralFeedbackEntity)
      .values({
        id: randomUUID(),
        referralId: referral.id,
        kind,
        dedupeKey,
        eventId: event.id,
        data: data as never,
        occurredAt,
        late,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    if (inserted.raw.length === 0) return; // the same feedback again, in another envelope
    const firstOfKind =
      (await manager.countBy(ClueReferralFeedbackEntity, { referralId: referral.id, kind })) === 1;

    const patch: Partial<ClueReferralEntity> = {};
    const advance = (to: ReferralStatus) => {
      if (REFERRAL_STAGE[to] > REFERRAL_STAGE[referral.status]) patch.status = to;
    };
    if (feedback.kind === 'receipt') {
      patch.registrationNo = feedback.data.registrationNo;
      patch.receivedAt = occurredAt;
      advance('received');
    } else if (feedback.kind === 'status') {
      if (!referral.latestStatusAt || occurredAt >= referral.latestStatusAt) {
        patch.latestStatus = feedback.data.status;
        patch.latestStatusAt = occurredAt;
      }
      advance('in-progress');
    } else {
      patch.outcome = feedback.data.outcome;
      patch.disposal = feedback.data.disposal ?? null;
      patch.result = feedback.data.result ?? null;
      patch.conclusion = feedback.data.conclusion;
      patch.concludedAt = occurredAt;
      advance('concluded');
    }
    await manager.update(ClueReferralEntity, { id: referral.id }, patch);
    if (firstOfKind) await this.correlate(kind, referral.id);
  }

  private async correlate(kind: ClueFeedbackKind, referralId: string): Promise<void> {
    try {
      await this.engine.correlateMessage(CLUE_FEEDBACK_MESSAGE[kind], referralId);
    } catch (error) {
      if (error instanceof EngineUnavailableError) throw new RetryableError(error.message);
      // 400: nothing waits for it any more (a replay after the process moved on); the record above is kept.
      if (error instanceof EngineHttpError && error.status === 400) {
        this.logger.warn(`no sending process waits for the ${kind} of ${referralId}: ${error.message}`);
        return;
      }
      throw error;
    }
  }
}

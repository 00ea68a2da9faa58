import { Injectable, Type } from '@nestjs/common';
import { PARAMTYPES_METADATA, SELF_DECLARED_DEPS_METADATA } from '@nestjs/common/constants';
import { KAFKA_EVENT_HANDLER, OutboxService } from '@oversight/messaging';
import { EngineClient, JOB_WORKER } from '@oversight/workflow';
import { CLUE_REFERRAL_SENDER, ClueReferralSender } from './clue-referral-sender';
import { bound, clueReferralSendingProviders } from './clue-referral-sending.providers';

const sender = {
  org: 'x',
  receiverOrg: 'y',
  label: 'sender',
  schema: 'x_schema',
  referencePrefix: '阳X线移',
  process: 'x-sending',
  topics: {
    drafted: 't.drafted',
    sent: 't.sent',
    feedbackReminded: 't.reminded',
    receiptIssued: 't.receipt',
    statusReported: 't.status',
    resultReported: 't.result',
  },
  jobs: {
    recordSubmission: 'j.submission',
    recordApproval: 'j.approval',
    send: 'j.send',
    raiseFeedbackNotice: 'j.notice',
    close: 'j.close',
  },
  rules: {} as ClueReferralSender['rules'],
  validateEvidenceFile: () => undefined,
} satisfies ClueReferralSender;

const classes = (clueReferralSendingProviders(sender) as unknown[]).filter(
  (p): p is Type => typeof p === 'function',
);
const byName = (name: string) => classes.find((c) => c.name === name)!;

describe('clueReferralSendingProviders', () => {
  it('provides the sender under its token', () => {
    expect(clueReferralSendingProviders(sender)).toContainEqual({
      provide: CLUE_REFERRAL_SENDER,
      useValue: sender,
    });
  });

  it('binds each consumer to the sender’s topic under its own class name (the consumer dedupe key)', () => {
    const topics = Object.fromEntries(
      classes
        .filter((c) => Reflect.getMetadata(KAFKA_EVENT_HANDLER, c))
        .map((c) => [c.name, Reflect.getMetadata(KAFKA_EVENT_HANDLER, c)]),
    );
    expect(topics).toEqual({
      ClueReferralDraftedConsumer: 't.drafted',
      ClueReceiptReceivedConsumer: 't.receipt',
      ClueStatusReceivedConsumer: 't.status',
      ClueResultReceivedConsumer: 't.result',
    });
  });

  it('binds one worker class to each of the sender’s job types', () => {
    const jobs = Object.fromEntries(
      classes
        .filter((c) => Reflect.getMetadata(JOB_WORKER, c))
        .map((c) => [c.name, (Reflect.getMetadata(JOB_WORKER, c) as { type: string }).type]),
    );
    expect(jobs).toEqual({
      RecordReferralSubmissionWorker: 'j.submission',
      RecordReferralApprovalWorker: 'j.approval',
      SendClueReferralWorker: 'j.send',
      RaiseFeedbackNoticeWorker: 'j.notice',
      CloseClueReferralWorker: 'j.close',
    });
  });

  it('keeps the constructor dependencies of the shared class, the sender token included', () => {
    const send = byName('SendClueReferralWorker');
    expect(Reflect.getMetadata(PARAMTYPES_METADATA, send)).toEqual([OutboxService, Object]);
    expect(Reflect.getMetadata(SELF_DECLARED_DEPS_METADATA, send)).toEqual([
      { index: 1, param: CLUE_REFERRAL_SENDER },
    ]);
    expect(Reflect.getMetadata(PARAMTYPES_METADATA, byName('ClueReferralDraftedConsumer'))[0]).toBe(
      EngineClient,
    );
  });

  it('leaves the shared class unbound, so two bodies can bind it to their own topics', () => {
    @Injectable()
    class Base {}
    const a = bound(Base, (c) => Reflect.defineMetadata('topic', 'a', c));
    const b = bound(Base, (c) => Reflect.defineMetadata('topic', 'b', c));
    expect([a.name, b.name]).toEqual(['Base', 'Base']);
    expect([Reflect.getMetadata('topic', a), Reflect.getMetadata('topic', b)]).toEqual(['a', 'b']);
    expect(Reflect.getMetadata('topic', Base)).toBeUndefined();
  });
});

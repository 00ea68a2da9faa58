import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintDraftSubmittedV1, JOB, TOPIC } from '@oversight/contracts';
import { OutboxService } from '@oversight/messaging';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { appendHistory } from '../complaint-history.util';
import { ComplaintEntity, InvolvedOfficer } from '../complaint.entity';
import { jobContext, text } from './complaint-job.util';

/** The agency's findings and draft reply, with the officers involved, ready for the bureau's review. */
@Injectable()
@JobWorker({ type: JOB.recordDraftReply })
export class RecordDraftReplyWorker implements JobHandler {
  constructor(private readonly outbox: OutboxService) {}

  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { complaint, vars } = await jobContext(job, manager);
    if (!complaint || !complaint.agencyOrg) return fail(`complaint ${job.businessKey} not assigned`);
    const findings = text(vars.findings);
    const draftReply = text(vars.draftReply);
    if (!findings || !draftReply) return fail('findings and draftReply are required');
    const substantiated = vars.substantiated === true;
    const officers = parseOfficers(vars.officers);
    const now = new Date();
    await manager.update(
      ComplaintEntity,
      { id: complaint.id },
      { status: 'draft-submitted', findings, draftReply, substantiated, officers, draftSubmittedAt: now },
    );
    await appendHistory(manager, {
      complaintId: complaint.id,
      kind: 'draft-submitted',
      public: false,
      zh: '承办单位已提交调查情况和答复草稿。',
      en: 'The agency submitted its findings and draft reply.',
      actorOrg: complaint.agencyOrg,
      sourceKey: `job:${job.id}`,
    });
    await this.outbox.record<ComplaintDraftSubmittedV1>(manager, {
      topic: TOPIC.complaintDraftSubmitted,
      subject: complaint.id,
      data: {
        complaintId: complaint.id,
        agencyOrg: complaint.agencyOrg,
        substantiated,
        submittedAt: now.toISOString(),
      },
    });
    return complete();
  }
}

function parseOfficers(value: unknown): InvolvedOfficer[] {
  if (typeof value !== 'string' || value === '') return [];
  const parsed: unknown = JSON.parse(value);
  if (!Array.isArray(parsed)) return [];
  return parsed
    .filter((o): o is InvolvedOfficer => typeof o === 'object' && o !== null && typeof o.name === 'string')
    .map((o) => ({ name: o.name, ...(o.position ? { position: String(o.position) } : {}) }));
}

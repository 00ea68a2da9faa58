import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB } from '@oversight/contracts';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { ReceivedClueEntity } from '../received-clue.entity';
import { clueJobContext, text } from './received-clue-job.util';

/** The supervision measure taken; the working notes were stored by the desk, apart from the process. */
@Injectable()
@JobWorker({ type: JOB.bureauRecordClueHandling })
export class RecordClueHandlingWorker implements JobHandler {
  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { clue, vars } = await clueJobContext(job, manager);
    if (!clue) return fail(`received clue ${job.businessKey} not found`);
    const measure = text(vars.measure);
    if (!measure) return fail('no measure');
    if (!clue.handledAt) {
      await manager.update(
        ReceivedClueEntity,
        { id: clue.id },
        { status: 'handled', measure, handledAt: new Date() },
      );
    }
    return complete();
  }
}

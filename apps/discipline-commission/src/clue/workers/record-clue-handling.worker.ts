import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JOB } from '@oversight/contracts';
import { complete, fail, JobHandler, JobResult, JobWorker, LockedJob } from '@oversight/workflow';
import { ClueEntity } from '../clue.entity';
import { clueJobContext } from './clue-job.util';

/** 谈话函询 or 初步核实 done; its working notes were stored by the desk, apart from the process. */
@Injectable()
@JobWorker({ type: JOB.commissionRecordClueHandling })
export class RecordClueHandlingWorker implements JobHandler {
  async handle(job: LockedJob, manager: EntityManager): Promise<JobResult> {
    const { clue } = await clueJobContext(job, manager);
    if (!clue) return fail(`clue ${job.businessKey} not found`);
    if (!clue.handledAt) {
      await manager.update(ClueEntity, { id: clue.id }, { status: 'handled', handledAt: new Date() });
    }
    return complete();
  }
}

import { SetMetadata } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LockedJob } from './engine.client';
import type { PlainVariables } from './variables.util';

export const JOB_WORKER = Symbol('JOB_WORKER');

export interface JobWorkerOptions {
  type: string;
  /** How long the engine keeps the job locked for us before offering it again. */
  lockDurationMs?: number;
  /** Retries for technical failures before the engine raises an incident. */
  retries?: number;
}

/**
 * Exactly one outcome per job: complete it, fail it (technical, retried with back-off, then an
 * incident), or raise a BPMN error that the model catches.
 */
export type JobResult =
  | { kind: 'complete'; variables: PlainVariables }
  | { kind: 'fail'; message: string }
  | { kind: 'bpmn-error'; code: string; message: string };

export const complete = (variables: PlainVariables = {}): JobResult => ({ kind: 'complete', variables });
export const fail = (message: string): JobResult => ({ kind: 'fail', message });
export const bpmnError = (code: string, message: string): JobResult => ({
  kind: 'bpmn-error',
  code,
  message,
});

/** One class per job type. `handle` runs inside a transaction that also records the job as done. */
export interface JobHandler {
  handle(job: LockedJob, manager: EntityManager): Promise<JobResult>;
}

export const JobWorker = (options: JobWorkerOptions): ClassDecorator => SetMetadata(JOB_WORKER, options);

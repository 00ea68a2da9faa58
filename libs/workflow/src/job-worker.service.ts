import {
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  BeforeApplicationShutdown,
  Optional,
} from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, QueryFailedError } from 'typeorm';
import { isTransientError, OutboxService, WakeableSleep } from '@oversight/messaging';
import { EngineClient, LockedJob } from './engine.client';
import { EngineHttpError } from './engine.errors';
import { JOB_WORKER, JobHandler, JobResult, JobWorkerOptions } from './job-worker.decorator';
import { ProcessedJobEntity } from './processed-job.entity';
import { WORKFLOW_OPTIONS, WorkflowOptions } from './workflow.options';

const DEFAULT_LOCK_MS = 60000;
const DEFAULT_RETRIES = 3;
/**
 * Short polls, without `asyncResponseTimeout`: the engine then fetches once, in the request's own
 * thread, and answers. With a timeout, even 0, a poll that finds nothing is handed to the engine's
 * long-polling thread, which fetches again; a long poll whose timeout raced with a new job locked that
 * job and still answered empty, leaving it locked for nobody until the lock expired (seen in our tests,
 * 1 run in 3), and full test runs with a timeout of 0 still showed, rarely, a job locked by a worker
 * that never received it (likely: a waiting poll's expiry is reckoned on the engine's clock, which
 * tests move ahead and back, so a poll made just before the clock is set back waits on and later locks
 * a job for a worker that has long moved on). Idle polls back off from 100 ms to 1 s; a poll that
 * brings jobs is followed at once by the next.
 */
const IDLE_MIN_MS = 100;
const IDLE_MAX_MS = 1000;
const MAX_JOBS = 16;

class RollbackForFailure extends Error {
  constructor(readonly result: JobResult) {
    super('job failed');
  }
}

interface Registered {
  options: Required<JobWorkerOptions>;
  handler: JobHandler;
}

/**
 * Long-polls the engine for the job types this service handles and runs one handler class per type.
 * A job can arrive twice (lock expiry, a lost completion); its effects commit together with a
 * `processed_job` row, so a repeat only re-reports the first outcome.
 */
@Injectable()
export class JobWorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(JobWorkerService.name);
  private readonly workers = new Map<string, Registered>();
  /** The id this instance locks jobs under; only the locking worker may complete a job. */
  readonly workerId: string;
  private running = false;
  private loopDone: Promise<void> = Promise.resolve();
  private readonly idle = new WakeableSleep();

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly engine: EngineClient,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(WORKFLOW_OPTIONS) private readonly options: WorkflowOptions,
    @Optional() private readonly outbox?: OutboxService,
  ) {
    this.workerId = `${options.service}-${randomUUID().slice(0, 8)}`;
  }

  onApplicationBootstrap(): void {
    for (const { instance, metatype } of this.discovery.getProviders()) {
      if (!instance || !metatype) continue;
      const options = Reflect.getMetadata(JOB_WORKER, metatype) as JobWorkerOptions | undefined;
      if (!options) continue;
      if (this.workers.has(options.type)) throw new Error(`two workers for job type ${options.type}`);
      this.workers.set(options.type, {
        handler: instance as JobHandler,
        options: { lockDurationMs: DEFAULT_LOCK_MS, retries: DEFAULT_RETRIES, ...options },
      });
    }
    if (this.workers.size === 0 || this.options.workers === false) return;
    this.running = true;
    this.loopDone = this.loop();
  }

  /** Stops polling; jobs in hand finish, jobs that arrive after this are handed straight back. */
  async beforeApplicationShutdown(): Promise<void> {
    this.running = false;
    this.idle.wake();
    await this.loopDone;
  }

  get types(): string[] {
    return [...this.workers.keys()];
  }

  private async loop(): Promise<void> {
    let idleMs = IDLE_MIN_MS;
    let failures = 0;
    while (this.running) {
      try {
        const jobs = await this.engine.fetchAndLock({
          workerId: this.workerId,
          maxTasks: MAX_JOBS,
          topics: [...this.workers.values()].map((w) => ({
            topicName: w.options.type,
            lockDuration: w.options.lockDurationMs,
          })),
        });
        failures = 0;
        if (!this.running) {
          await Promise.all(jobs.map((job) => this.engine.unlockJob(job.id).catch(() => undefined)));
          break;
        }
        if (jobs.length > 0) {
          idleMs = IDLE_MIN_MS;
          // A job whose database is unreachable is not reported at all: its lock expires and the engine
          // offers it again, without using up one of its retries.
          await Promise.all(
            jobs.map((job) =>
              this.run(job).catch((error: Error) => {
                if (!isTransientError(error)) throw error;
                this.logger.warn(`job ${job.topicName}/${job.id} left for redelivery: ${error.message}`);
              }),
            ),
          );
          continue;
        }
        await this.idle.sleep(idleMs);
        idleMs = Math.min(IDLE_MAX_MS, idleMs * 2);
      } catch (error) {
        if (!this.running) break;
        failures += 1;
        this.logger.warn(`fetching jobs failed (${failures}x): ${(error as Error).message}`);
        await this.idle.sleep(Math.min(5000, 250 * 2 ** failures));
      }
    }
  }

  /** Runs one job through its handler and reports the outcome. Exposed for tests of redelivery. */
  async run(job: LockedJob): Promise<JobResult> {
    const worker = this.workers.get(job.topicName);
    if (!worker) throw new Error(`no worker for ${job.topicName}`);
    const outcome = await this.execute(job, worker);
    await this.report(job, worker, outcome);
    return outcome;
  }

  private async execute(job: LockedJob, worker: Registered): Promise<JobResult> {
    const previous = await this.dataSource.getRepository(ProcessedJobEntity).findOneBy({ jobId: job.id });
    if (previous) return previous.outcome as JobResult;
    try {
      return await this.dataSource
        .transaction(async (manager) => {
          const result = await worker.handler.handle(job, manager);
          if (result.kind === 'fail') throw new RollbackForFailure(result);
          await manager.insert(ProcessedJobEntity, {
            jobId: job.id,
            jobType: job.topicName,
            outcome: result as never,
          });
          return result;
        })
        .finally(() => this.outbox?.kick());
    } catch (error) {
      if (error instanceof RollbackForFailure) return error.result;
      if (isTransientError(error)) throw error;
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
        // Another delivery of the same job committed first: report its outcome, not ours.
        const winner = await this.dataSource
          .getRepository(ProcessedJobEntity)
          .findOneByOrFail({ jobId: job.id });
        return winner.outcome as JobResult;
      }
      return { kind: 'fail', message: (error as Error).message };
    }
  }

  /** The engine client repeats a report the engine refused for a concurrent change of the instance. */
  private async report(job: LockedJob, worker: Registered, outcome: JobResult): Promise<void> {
    try {
      await this.reportOnce(job, worker, outcome);
    } catch (error) {
      // 404: the job is already gone (completed by an earlier delivery); anything else: the lock expires
      // and the engine offers the job again, which the processed_job row turns into a pure re-report.
      if (!(error instanceof EngineHttpError && error.status === 404)) {
        this.logger.warn(`reporting job ${job.id} failed: ${(error as Error).message}`);
      }
    }
  }

  private async reportOnce(job: LockedJob, worker: Registered, outcome: JobResult): Promise<void> {
    if (outcome.kind === 'complete') {
      await this.engine.completeJob(job.id, this.workerId, outcome.variables);
    } else if (outcome.kind === 'bpmn-error') {
      await this.engine.throwBpmnError(job.id, this.workerId, outcome.code, outcome.message);
    } else {
      const retries = Math.max(0, (job.retries ?? worker.options.retries) - 1);
      const backoff = 1000 * 2 ** (worker.options.retries - retries);
      this.logger.warn(`job ${job.topicName}/${job.id} failed, ${retries} retries left: ${outcome.message}`);
      await this.engine.failJob(job.id, this.workerId, {
        message: outcome.message,
        retries,
        retryTimeoutMs: backoff,
      });
    }
  }
}

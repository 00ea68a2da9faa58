import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EngineClient, EngineHttpError, EngineTaskEvent } from '@oversight/workflow';

const BATCH = 1000;
const IDLE_POLL_MS = 1000;
/** Closed rows are kept this long, so that a re-read older event cannot reopen a task. */
const TOMBSTONE_HOURS = 24;

/** A task as the engine extension describes it after a change. */
interface TaskEventView {
  id: string;
  name: string | null;
  taskDefinitionKey: string | null;
  processDefinitionId: string | null;
  processDefinitionKey: string | null;
  processInstanceId: string | null;
  businessKey: string | null;
  assignee: string | null;
  candidateGroups: string[];
  created: string | null;
  due: string | null;
  followUp: string | null;
  priority: number | null;
}

/**
 * The tasklist's read model of open user tasks (table open_task), fed by the task events the engine
 * records in its own transactions. Events are applied at least once and idempotently: a row keeps the
 * seq of the last event applied to it and ignores older ones, and a closed task stays as a closed row
 * for a day, so a re-read `create` cannot reopen it. Before answering a query the service catches up
 * with the engine, so a list reflects every change the engine had committed when the request arrived.
 */
@Injectable()
export class TaskProjectionService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(TaskProjectionService.name);
  private running: Promise<void> | null = null;
  /** The round after the running one, shared by everyone who asked while it ran. */
  private next: Promise<void> | null = null;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  /** Whether the engine has Oversight's task-event extension; unknown until the first round. */
  private extension: boolean | null = null;
  /** The qualified table name (raw SQL: no entity, so no audit of each applied event). */
  readonly table: string;

  constructor(
    private readonly engine: EngineClient,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.table = `"${(dataSource.options as { schema?: string }).schema ?? 'public'}"."open_task"`;
  }

  onApplicationBootstrap(): void {
    const tick = () => {
      if (this.stopped) return;
      this.catchUp()
        .catch((error: Error) => this.logger.warn(`task events not applied yet: ${error.message}`))
        .finally(() => {
          if (!this.stopped) this.timer = setTimeout(tick, IDLE_POLL_MS);
        });
    };
    tick();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => undefined);
  }

  /**
   * Applies every event the engine has. Callers that arrive while a round runs share the next round, which
   * starts after they arrived: single flight without missing what was committed before the call, and one
   * engine read for any number of waiting callers.
   */
  catchUp(): Promise<void> {
    if (!this.running) return this.startRound();
    this.next ??= this.running
      .catch(() => undefined)
      .then(() => {
        this.next = null;
        // A round another caller started since the last one ended also began after these callers came.
        return this.running ?? this.startRound();
      });
    return this.next;
  }

  private startRound(): Promise<void> {
    this.running = this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /**
   * Whether queries can use the read model: caught up now, and the engine has the extension (an engine
   * without it, e.g. a plain Camunda 7 / Operaton, is queried directly instead).
   */
  async available(): Promise<boolean> {
    if (this.extension === false) return false;
    await this.catchUp();
    return this.extension === true;
  }

  private async drain(): Promise<void> {
    for (;;) {
      let events: EngineTaskEvent[];
      try {
        events = await this.engine.taskEvents(BATCH);
      } catch (error) {
        if (error instanceof EngineHttpError && error.status === 404) {
          this.extension = false;
          this.stopped = true;
          this.logger.warn('the engine has no task-event extension: task lists query the engine directly');
          return;
        }
        throw error;
      }
      this.extension = true;
      if (events.length > 0) {
        await this.apply(events);
        await this.engine.acknowledgeTaskEvents(events.map((e) => Number(e.seq)));
      }
      if (events.length < BATCH) break;
    }
  }

  /** Applies events to the read model; idempotent, and an event older than what a row holds is ignored. */
  async apply(events: EngineTaskEvent[]): Promise<void> {
    // Each event carries the whole task after the change, so per task only the newest one matters (and
    // one statement may not update a row twice).
    const newest = new Map<string, EngineTaskEvent>();
    for (const event of events) {
      const seen = newest.get(event.taskId);
      if (!seen || Number(seen.seq) < Number(event.seq)) newest.set(event.taskId, event);
    }
    const rows = [...newest.values()].map((event) => {
      const task = JSON.parse(event.task) as TaskEventView;
      return {
        ...task,
        id: event.taskId,
        candidateGroups: task.candidateGroups ?? [],
        open: event.event !== 'complete' && event.event !== 'delete',
        seq: Number(event.seq),
      };
    });
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `INSERT INTO ${this.table} AS t (id, name, task_definition_key, process_definition_id,
           process_definition_key, process_instance_id, business_key, assignee, candidate_groups, created, due,
           follow_up, priority, open, last_seq, changed_at)
         SELECT r.id, r."name", r."taskDefinitionKey", r."processDefinitionId", r."processDefinitionKey",
           r."processInstanceId", r."businessKey", r.assignee,
           ARRAY(SELECT jsonb_array_elements_text(r."candidateGroups")), r.created, r.due, r."followUp",
           r.priority, r.open, r.seq, now()
         FROM jsonb_to_recordset($1::jsonb) AS r(id text, "name" text, "taskDefinitionKey" text,
           "processDefinitionId" text, "processDefinitionKey" text, "processInstanceId" text,
           "businessKey" text, assignee text, "candidateGroups" jsonb, created timestamptz, due timestamptz,
           "followUp" timestamptz, priority integer, open boolean, seq bigint)
         ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name,
           task_definition_key = EXCLUDED.task_definition_key,
           process_definition_id = EXCLUDED.process_definition_id,
           process_definition_key = EXCLUDED.process_definition_key,
           process_instance_id = EXCLUDED.process_instance_id, business_key = EXCLUDED.business_key,
           assignee = EXCLUDED.assignee, candidate_groups = EXCLUDED.candidate_groups,
           created = EXCLUDED.created, due = EXCLUDED.due, follow_up = EXCLUDED.follow_up,
           priority = EXCLUDED.priority, open = EXCLUDED.open, last_seq = EXCLUDED.last_seq,
           changed_at = now()
         WHERE t.last_seq < EXCLUDED.last_seq`,
        [JSON.stringify(rows)],
      );
      await manager.query(
        `DELETE FROM ${this.table} WHERE NOT open AND changed_at < now() - make_interval(hours => $1)`,
        [TOMBSTONE_HOURS],
      );
    });
  }
}

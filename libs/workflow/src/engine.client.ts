import { Inject, Injectable, Logger } from '@nestjs/common';
import CircuitBreaker from 'opossum';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { EngineHttpError, EngineUnavailableError } from './engine.errors';
import { EngineVariables, PlainVariables, toEngineVariables } from './variables.util';
import { WORKFLOW_OPTIONS, WorkflowOptions } from './workflow.options';

export interface EngineTask {
  id: string;
  name: string;
  assignee: string | null;
  created: string;
  due: string | null;
  followUp: string | null;
  priority: number;
  processDefinitionId: string;
  processInstanceId: string;
  taskDefinitionKey: string;
}

export interface EngineProcessDefinition {
  id: string;
  key: string;
  name: string | null;
  version: number;
  deploymentId: string;
  resource: string;
  suspended: boolean;
}

export interface EngineIncident {
  id: string;
  processDefinitionId: string;
  processInstanceId: string;
  activityId: string;
  incidentType: string;
  incidentTimestamp: string;
  incidentMessage: string | null;
  /** The failed external task's or job's id. */
  configuration: string | null;
}

export interface LockedJob {
  id: string;
  topicName: string;
  workerId: string;
  processInstanceId: string;
  processDefinitionKey: string;
  businessKey: string | null;
  activityId: string;
  retries: number | null;
  variables: EngineVariables;
}

export interface TaskQuery {
  candidateGroup?: string;
  /** Tasks with a candidate group among these (comma-separated). */
  candidateGroups?: string;
  assignee?: string;
  processInstanceBusinessKey?: string;
  processDefinitionKey?: string;
  taskDefinitionKey?: string;
  /** Only tasks nobody has claimed. */
  unassigned?: boolean;
  /** With `candidateGroup`: also the group's tasks someone has claimed. */
  includeAssignedTasks?: boolean;
  /** Due before / after (engine format, `yyyy-MM-dd'T'HH:mm:ss.SSSZ`). */
  dueBefore?: string;
  dueAfter?: string;
  /** Task-local variables, `name_eq_value` (comma-separated for several), as the engine's REST API takes them. */
  taskVariables?: string;
  firstResult?: number;
  maxResults?: number;
}

/** One user-task change, as the engine extension records it. */
export interface EngineTaskEvent {
  seq: number;
  taskId: string;
  event: 'create' | 'assignment' | 'update' | 'complete' | 'delete';
  /** JSON of the task after the change (see TaskEventStore.view in the engine). */
  task: string;
}

interface RequestInit2 {
  /** A path of Oversight's own engine extensions (beside /engine-rest, not under it). */
  extension?: boolean;
  method?: string;
  body?: unknown;
  form?: FormData;
  timeoutMs?: number;
  signal?: AbortSignal;
}

/** How often a call the engine rolled back for a concurrent change is tried in all. */
const CONFLICT_ATTEMPTS = 5;

/**
 * The workflow engine's REST API behind one circuit breaker: while the engine is failing, callers get
 * an immediate EngineUnavailableError (a 503 to users) instead of piling up on a dead connection.
 */
@Injectable()
export class EngineClient {
  private readonly logger = new Logger(EngineClient.name);
  private readonly breaker: CircuitBreaker<[string, RequestInit2], unknown>;
  private readonly base: string;
  private readonly root: string;
  private startOnceExtension = true;
  private startOnceBatchExtension = true;

  constructor(@Inject(WORKFLOW_OPTIONS) options: WorkflowOptions) {
    this.root = options.engineUrl.replace(/\/$/, '');
    this.base = `${this.root}/engine-rest`;
    this.breaker = new CircuitBreaker((path: string, init: RequestInit2) => this.send(path, init), {
      timeout: false, // each request carries its own timeout
      errorThresholdPercentage: 50,
      volumeThreshold: 5,
      resetTimeout: 5000,
      errorFilter: (error: unknown) =>
        error instanceof EngineHttpError && (error.status < 500 || error.isConflict),
    });
    this.breaker.on('open', () => this.logger.warn('engine circuit opened'));
    this.breaker.on('close', () => this.logger.log('engine circuit closed'));
  }

  get circuit(): 'closed' | 'open' | 'half-open' {
    return this.breaker.opened ? 'open' : this.breaker.halfOpen ? 'half-open' : 'closed';
  }

  shutdown(): void {
    this.breaker.shutdown();
  }

  private async call<T>(path: string, init: RequestInit2 = {}): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return (await this.breaker.fire(path, init)) as T;
      } catch (error) {
        if (error instanceof EngineHttpError && error.isConflict && attempt < CONFLICT_ATTEMPTS) {
          await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
          continue;
        }
        throw this.translate(error);
      }
    }
  }

  private translate(error: unknown): Error {
    if (error instanceof EngineHttpError) return error;
    if (this.breaker.opened) return new EngineUnavailableError('workflow engine circuit is open');
    return new EngineUnavailableError(`workflow engine unreachable: ${(error as Error).message}`);
  }

  private async send(path: string, init: RequestInit2): Promise<unknown> {
    const headers: Record<string, string> = { accept: 'application/json' };
    let body: string | FormData | undefined;
    if (init.form) body = init.form;
    else if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    const response = await fetch(`${init.extension ? this.root : this.base}${path}`, {
      method: init.method ?? (body ? 'POST' : 'GET'),
      headers,
      body,
      signal: init.signal
        ? AbortSignal.any([init.signal, AbortSignal.timeout(init.timeoutMs ?? 10000)])
        : AbortSignal.timeout(init.timeoutMs ?? 10000),
    });
    const text = await response.text();
    const parsed = text ? safeJson(text) : null;
    if (!response.ok) {
      const info = (parsed ?? {}) as { type?: string; message?: string };
      throw new EngineHttpError(
        response.status,
        info.type,
        info.message ?? `engine answered ${response.status}`,
      );
    }
    return parsed;
  }

  /**
   * User-task changes the engine recorded in its own transactions (Oversight's engine extension, see
   * deploy/local/engine: TaskEventPlugin), oldest first, for the tasklist's read model.
   */
  taskEvents(limit: number): Promise<EngineTaskEvent[]> {
    return this.call(`/oversight/task-events?limit=${limit}`, { extension: true });
  }

  /** Removes task events once applied (exactly these: an event with a lower seq may commit later). */
  acknowledgeTaskEvents(seqs: number[]): Promise<{ deleted: number }> {
    return this.call('/oversight/task-events/ack', { extension: true, body: { seqs } });
  }

  engineInfo(): Promise<{ name: string }[]> {
    return this.call('/engine', { timeoutMs: 3000 });
  }

  /** Deploys BPMN files; unchanged resources are not redeployed, so this is safe at every start. */
  async deploy(name: string, files: string[]): Promise<{ id: string; deployedProcessDefinitions: unknown }> {
    const form = new FormData();
    form.set('deployment-name', name);
    form.set('deployment-source', name);
    form.set('enable-duplicate-filtering', 'true');
    form.set('deploy-changed-only', 'true');
    for (const file of files) {
      form.set(
        basename(file),
        new Blob([new Uint8Array(await readFile(file))], { type: 'application/xml' }),
        basename(file),
      );
    }
    return this.call('/deployment/create', { form, timeoutMs: 30000 });
  }

  startProcess(key: string, businessKey: string, variables: PlainVariables): Promise<{ id: string }> {
    return this.call(`/process-definition/key/${encodeURIComponent(key)}/start`, {
      body: { businessKey, variables: toEngineVariables(variables) },
    });
  }

  /**
   * Starts `key` for `businessKey` unless an instance was already started for it (ended ones count), and
   * returns that instance: what a consumer needs when its event may come again. One call to Oversight's
   * engine extension (deploy/local/engine: StartOnceController); against an engine without it, a lookup
   * and a start. Callers serialise calls for one business key (they hold their aggregate's row lock).
   */
  async startProcessOnce(
    key: string,
    businessKey: string,
    variables: PlainVariables,
  ): Promise<{ id: string; started: boolean }> {
    if (this.startOnceExtension) {
      try {
        return await this.call('/oversight/process-instances/start-once', {
          extension: true,
          body: { processDefinitionKey: key, businessKey, variables },
        });
      } catch (error) {
        // A 404 without an engine error type: the path itself is unknown, i.e. a plain engine.
        if (!(error instanceof EngineHttpError && error.status === 404 && !error.engineType)) throw error;
        this.startOnceExtension = false;
      }
    }
    const [existing] = await this.findProcessInstances({ businessKey, processDefinitionKey: key });
    if (existing) return { id: existing.id, started: false };
    return { id: (await this.startProcess(key, businessKey, variables)).id, started: true };
  }

  /**
   * startProcessOnce for several business keys of one process, in order. One call to the engine
   * extension starts them all in one engine transaction (all or nothing: if it fails, nothing was
   * started). Against an engine without that endpoint, one startProcessOnce per key, in order.
   */
  async startProcessesOnce(
    key: string,
    items: { businessKey: string; variables: PlainVariables }[],
  ): Promise<{ id: string; started: boolean }[]> {
    if (items.length > 1 && this.startOnceBatchExtension) {
      try {
        const { results } = await this.call<{ results: { id: string; started: boolean }[] }>(
          '/oversight/process-instances/start-once-batch',
          {
            extension: true,
            body: { processDefinitionKey: key, items },
            timeoutMs: 10000 + 500 * items.length,
          },
        );
        if (results.length !== items.length) {
          throw new Error(`engine answered ${results.length} starts for ${items.length}`);
        }
        return results.map(({ id, started }) => ({ id, started }));
      } catch (error) {
        if (!(error instanceof EngineHttpError && error.status === 404 && !error.engineType)) throw error;
        this.startOnceBatchExtension = false;
      }
    }
    const results: { id: string; started: boolean }[] = [];
    for (const { businessKey, variables } of items) {
      results.push(await this.startProcessOnce(key, businessKey, variables));
    }
    return results;
  }

  findProcessInstances(query: {
    businessKey?: string;
    processDefinitionKey?: string;
  }): Promise<{ id: string }[]> {
    return this.call(`/process-instance?${params(query)}`);
  }

  correlateMessage(
    messageName: string,
    businessKey: string,
    variables: PlainVariables = {},
  ): Promise<unknown> {
    return this.call('/message', {
      body: { messageName, businessKey, processVariables: toEngineVariables(variables), all: false },
    });
  }

  /** Sets (creates or overwrites) variables of a running process instance, in its top scope. */
  setProcessVariables(processInstanceId: string, variables: PlainVariables): Promise<void> {
    return this.call(`/process-instance/${processInstanceId}/variables`, {
      body: { modifications: toEngineVariables(variables) },
    });
  }

  fetchAndLock(input: {
    workerId: string;
    topics: { topicName: string; lockDuration: number }[];
    maxTasks: number;
    /** Leave it out for an answer at once (see JobWorkerService); with it the engine may hold the request. */
    asyncResponseTimeout?: number;
    signal?: AbortSignal;
  }): Promise<LockedJob[]> {
    const { signal, ...body } = input;
    return this.call('/external-task/fetchAndLock', {
      body: { ...body, usePriority: true },
      timeoutMs: (input.asyncResponseTimeout ?? 0) + 10000,
      signal,
    });
  }

  jobs(query: { processInstanceId?: string; topicName?: string }): Promise<
    {
      id: string;
      topicName: string;
      workerId: string | null;
      lockExpirationTime: string | null;
      retries: number | null;
    }[]
  > {
    return this.call(`/external-task?${params(query)}`);
  }

  unlockJob(id: string): Promise<void> {
    return this.call(`/external-task/${id}/unlock`, { method: 'POST' });
  }

  completeJob(id: string, workerId: string, variables: PlainVariables): Promise<void> {
    return this.call(`/external-task/${id}/complete`, {
      body: { workerId, variables: toEngineVariables(variables) },
    });
  }

  failJob(
    id: string,
    workerId: string,
    input: { message: string; details?: string; retries: number; retryTimeoutMs: number },
  ) {
    return this.call<void>(`/external-task/${id}/failure`, {
      body: {
        workerId,
        errorMessage: input.message.slice(0, 600),
        errorDetails: input.details,
        retries: input.retries,
        retryTimeout: input.retryTimeoutMs,
      },
    });
  }

  throwBpmnError(
    id: string,
    workerId: string,
    errorCode: string,
    errorMessage: string,
    variables: PlainVariables = {},
  ) {
    return this.call<void>(`/external-task/${id}/bpmnError`, {
      body: { workerId, errorCode, errorMessage, variables: toEngineVariables(variables) },
    });
  }

  listTasks(query: TaskQuery): Promise<EngineTask[]> {
    const { firstResult, maxResults, ...filter } = query;
    return this.call(
      `/task?${params({ ...filter, firstResult, maxResults, sortBy: 'created', sortOrder: 'asc' })}`,
    );
  }

  countTasks(query: TaskQuery): Promise<{ count: number }> {
    return this.call(`/task/count?${params(query)}`);
  }

  getTask(id: string): Promise<EngineTask> {
    return this.call(`/task/${encodeURIComponent(id)}`);
  }

  /** The task's candidate groups and users, assignee and owner. */
  taskIdentityLinks(id: string): Promise<{ userId: string | null; groupId: string | null; type: string }[]> {
    return this.call(`/task/${encodeURIComponent(id)}/identity-links`);
  }

  completeTask(id: string, variables: PlainVariables): Promise<void> {
    return this.call(`/task/${encodeURIComponent(id)}/complete`, {
      body: { variables: toEngineVariables(variables) },
    });
  }

  claimTask(id: string, userId: string): Promise<void> {
    return this.call(`/task/${encodeURIComponent(id)}/claim`, { body: { userId } });
  }

  unclaimTask(id: string): Promise<void> {
    return this.call(`/task/${encodeURIComponent(id)}/unclaim`, { method: 'POST', body: {} });
  }

  /** The task's form key as the BPMN declares it (`camunda:formKey`), null when it has none. */
  async taskFormKey(id: string): Promise<string | null> {
    const form = await this.call<{ key: string | null }>(`/task/${encodeURIComponent(id)}/form`);
    return form.key ?? null;
  }

  /** Deploys one BPMN document as a new deployment; an unchanged document creates no new version. */
  deployXml(
    name: string,
    fileName: string,
    xml: string,
  ): Promise<{ id: string; deployedProcessDefinitions: unknown }> {
    const form = new FormData();
    form.set('deployment-name', name);
    form.set('deployment-source', 'oversight-console');
    form.set('enable-duplicate-filtering', 'true');
    form.set(fileName, new Blob([xml], { type: 'application/xml' }), fileName);
    return this.call('/deployment/create', { form, timeoutMs: 30000 });
  }

  /** Every version of every process (or of one), newest first. */
  processDefinitions(key?: string, latestOnly = false): Promise<EngineProcessDefinition[]> {
    return this.call(
      `/process-definition?${params({ key, latestVersion: latestOnly ? true : undefined, sortBy: 'version', sortOrder: 'desc' })}`,
    );
  }

  async processDefinitionXml(id: string): Promise<string> {
    const answer = await this.call<{ bpmn20Xml: string }>(
      `/process-definition/${encodeURIComponent(id)}/xml`,
    );
    return answer.bpmn20Xml;
  }

  processInstancesOfDefinition(
    definitionId: string,
  ): Promise<{ id: string; businessKey: string | null; suspended: boolean }[]> {
    return this.call(`/process-instance?${params({ processDefinitionId: definitionId, maxResults: 200 })}`);
  }

  /** Ids of the activities an instance currently stands in. */
  async activeActivityIds(processInstanceId: string): Promise<string[]> {
    interface Tree {
      activityId: string;
      childActivityInstances: Tree[];
      childTransitionInstances: { activityId: string }[];
    }
    const tree = await this.call<Tree>(
      `/process-instance/${encodeURIComponent(processInstanceId)}/activity-instances`,
    );
    const ids: string[] = [];
    const walk = (node: Tree) => {
      if (node.childActivityInstances.length === 0 && node.childTransitionInstances.length === 0)
        ids.push(node.activityId);
      node.childActivityInstances.forEach(walk);
      node.childTransitionInstances.forEach((t) => ids.push(t.activityId));
    };
    tree.childActivityInstances.forEach(walk);
    tree.childTransitionInstances.forEach((t) => ids.push(t.activityId));
    return [...new Set(ids)];
  }

  incidents(query: { processDefinitionId?: string; processInstanceId?: string }): Promise<EngineIncident[]> {
    return this.call(`/incident?${params(query)}`);
  }

  /** Gives a failed external task (the usual incident here) its retries back, which resolves the incident. */
  setExternalTaskRetries(id: string, retries: number): Promise<void> {
    return this.call(`/external-task/${encodeURIComponent(id)}/retries`, {
      method: 'PUT',
      body: { retries },
    });
  }

  /** Gives a failed job (timer, async continuation) its retries back. */
  setJobRetries(id: string, retries: number): Promise<void> {
    return this.call(`/job/${encodeURIComponent(id)}/retries`, { method: 'PUT', body: { retries } });
  }

  processDefinition(id: string): Promise<{ id: string; key: string; version: number; name: string | null }> {
    return this.call(`/process-definition/${encodeURIComponent(id)}`);
  }

  processInstancesByIds(ids: string[]): Promise<{ id: string; businessKey: string | null }[]> {
    return this.call('/process-instance', { body: { processInstanceIds: ids } });
  }

  historicProcessInstances(query: {
    businessKey?: string;
    processDefinitionKey?: string;
  }): Promise<{ id: string; state: string }[]> {
    return this.call(
      `/history/process-instance?${params({ processInstanceBusinessKey: query.businessKey, processDefinitionKey: query.processDefinitionKey })}`,
    );
  }

  historicProcessInstance(id: string): Promise<{ id: string; state: string; endTime: string | null }> {
    return this.call(`/history/process-instance/${encodeURIComponent(id)}`);
  }
}

function params(query: object): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== null) search.set(k, String(v));
  return search.toString();
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 500) };
  }
}

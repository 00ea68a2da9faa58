import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { TASK_FORMS } from '@oversight/contracts';
import { badRequest, CallerInfo, conflict, forbidden, notFound, ROLE } from '@oversight/platform';
import { EngineClient, EngineHttpError, EngineTask, PlainVariables } from '@oversight/workflow';
import { TaskCompletionEntity } from './task-completion.entity';
import { TaskCompletionView, TaskFormView, TaskQueryDto, TaskView } from './task.dto';
import { TaskFormStore } from './task-form.store';
import { TaskProjectionService } from './task-projection.service';
import { validateTaskVariables } from './task-form.util';

/** A row of the read model (open_task). */
interface OpenTaskRow {
  id: string;
  name: string;
  task_definition_key: string;
  process_definition_id: string;
  process_definition_key: string | null;
  process_instance_id: string;
  business_key: string | null;
  assignee: string | null;
  created: Date | null;
  due: Date | null;
  priority: number;
}

const TASK = { zh: '任务', en: 'Task' };
/** Business keys remembered (about 100 bytes each). */
const INSTANCE_KEYS_KEPT = 50_000;

/**
 * The candidate groups a caller belongs to: the organisation (`sfj`) and the organisation's role groups
 * (`sfj:head`), as the BPMN models name them in camunda:candidateGroups.
 */
export function groupsOf(caller: CallerInfo): string[] {
  if (!caller.org) return [];
  return [caller.org, ...caller.roles.map((r) => `${caller.org}:${r}`)];
}

/** The process administrator (流程管理员) sees every task, to operate the engine; completing stays with members. */
const seesAll = (caller: CallerInfo) => caller.org === 'sfj' && caller.roles.includes(ROLE.processAdmin);

const notYours = () =>
  forbidden({
    zh: '该任务不属于您所在单位或您本人。',
    en: 'This task belongs to neither your organisation’s groups nor you.',
  });

/** User tasks of every process, read from and completed in the engine. */
@Injectable()
export class TaskService {
  /** Definition id → process id; definitions never change once deployed, so this never goes stale. */
  private readonly definitionKeys = new Map<string, string>();
  /**
   * Process instance id → business key. Oversight sets a business key at start and never changes it,
   * so an entry stays true for the instance's life; bounded, oldest first out. A page of tasks then
   * costs the engine no lookup for instances already seen (the console re-reads the same pages).
   */
  private readonly instanceKeys = new Map<string, string | null>();

  constructor(
    private readonly engine: EngineClient,
    @InjectRepository(TaskCompletionEntity) private readonly completions: Repository<TaskCompletionEntity>,
    private readonly forms: TaskFormStore,
    private readonly projection: TaskProjectionService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Open tasks the caller may see: of their groups (or assigned to them); a filter outside them is refused. */
  async list(query: TaskQueryDto, caller: CallerInfo): Promise<{ total: number; items: TaskView[] }> {
    const groups = groupsOf(caller);
    const all = seesAll(caller);
    // Several groups (an organisation and its roles, `sfj,sfj:head`) go to the engine as candidateGroups.
    const asked = query.candidateGroup?.split(',').filter(Boolean) ?? [];
    if (!all && asked.some((g) => !groups.includes(g))) throw notYours();
    if (!all && query.assignee && query.assignee !== caller.user) throw notYours();
    const scoped = all || asked.length > 0 || query.assignee;
    const several = asked.length > 1;
    if (await this.projection.available()) {
      // The read model: the caller's groups, or the groups asked for (unassigned unless includeAssigned).
      const candidateGroups = asked.length > 0 ? asked : scoped ? null : groups;
      return this.listFromReadModel(query, candidateGroups);
    }
    const filter = {
      candidateGroup: several ? undefined : query.candidateGroup,
      candidateGroups: several ? query.candidateGroup : scoped ? undefined : groups.join(','),
      includeAssignedTasks: query.candidateGroup && query.includeAssigned ? true : undefined,
      assignee: query.assignee,
      unassigned: query.unassigned ? true : undefined,
      dueBefore: engineDate(query.dueBefore),
      dueAfter: engineDate(query.dueAfter),
      processInstanceBusinessKey: query.businessKey,
      processDefinitionKey: query.processDefinitionKey,
    };
    const [tasks, count] = await Promise.all([
      this.engine.listTasks({ ...filter, firstResult: query.offset, maxResults: query.limit }),
      this.engine.countTasks(filter),
    ]);
    const [keys] = await Promise.all([this.businessKeys(tasks), this.resolveDefinitionKeys(tasks)]);
    return {
      total: count.count,
      items: tasks.map((t) => this.view(t, keys.get(t.processInstanceId) ?? null)),
    };
  }

  /** The same filters as the engine's task query, on the tasklist's read model (open_task). */
  private async listFromReadModel(
    query: TaskQueryDto,
    candidateGroups: string[] | null,
  ): Promise<{ total: number; items: TaskView[] }> {
    const where = ['open'];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (candidateGroups) {
      where.push(`candidate_groups && ${param(candidateGroups)}::text[]`);
      if (!(query.candidateGroup && query.includeAssigned)) where.push('assignee IS NULL');
    }
    if (query.assignee) where.push(`assignee = ${param(query.assignee)}`);
    if (query.unassigned) where.push('assignee IS NULL');
    if (query.dueBefore) where.push(`due < ${param(query.dueBefore)}`);
    if (query.dueAfter) where.push(`due > ${param(query.dueAfter)}`);
    if (query.businessKey) where.push(`business_key = ${param(query.businessKey)}`);
    if (query.processDefinitionKey)
      where.push(`process_definition_key = ${param(query.processDefinitionKey)}`);
    const from = `FROM ${this.projection.table} WHERE ${where.join(' AND ')}`;
    const [rows, [{ count }]] = (await Promise.all([
      this.dataSource.query(
        `SELECT * ${from} ORDER BY created, id LIMIT ${param(query.limit)} OFFSET ${param(query.offset)}`,
        params,
      ),
      this.dataSource.query(`SELECT count(*)::int AS count ${from}`, params.slice(0, params.length - 2)),
    ])) as [OpenTaskRow[], { count: number }[]];
    // Rows recorded without a definition key (an engine extension that could not tell) are looked up.
    await this.resolveDefinitionKeys(
      rows
        .filter((row) => !row.process_definition_key)
        .map((row) => ({ processDefinitionId: row.process_definition_id }) as EngineTask),
    );
    return {
      total: count,
      items: rows.map((row) =>
        this.view(
          {
            id: row.id,
            name: row.name,
            taskDefinitionKey: row.task_definition_key,
            processDefinitionId: row.process_definition_id,
            processInstanceId: row.process_instance_id,
            assignee: row.assignee,
            created: row.created?.toISOString() ?? null,
            due: row.due?.toISOString() ?? null,
            priority: row.priority,
          } as EngineTask,
          row.business_key,
          row.process_definition_key,
        ),
      ),
    };
  }

  async get(id: string, caller: CallerInfo): Promise<TaskView> {
    const task = await this.engineTask(id);
    if (!seesAll(caller)) await this.requireMember(task, caller);
    const [keys, formKey] = await Promise.all([this.businessKeys([task]), this.engine.taskFormKey(id)]);
    await this.resolveDefinitionKeys([task]);
    return { ...this.view(task, keys.get(task.processInstanceId) ?? null), formKey };
  }

  /** The task's form-js schema, read from the forms folder beside the BPMN. */
  async form(id: string, caller: CallerInfo): Promise<TaskFormView> {
    const task = await this.engineTask(id);
    if (!seesAll(caller)) await this.requireMember(task, caller);
    const key = await this.engine.taskFormKey(id);
    const schema = key ? await this.forms.read(key) : null;
    if (!key || !schema) throw notFound({ zh: '任务表单', en: 'Task form' }, id);
    return { key, schema };
  }

  /** Claims a task for the caller, who must belong to one of its candidate groups. */
  async claim(id: string, caller: CallerInfo): Promise<TaskView> {
    const task = await this.engineTask(id);
    if (!caller.user) throw forbidden({ zh: '请先登录。', en: 'Please log in first.' });
    await this.requireCandidate(id, caller);
    if (task.assignee && task.assignee !== caller.user) {
      throw conflict({
        zh: `该任务已由 ${task.assignee} 签收。`,
        en: `This task has already been claimed by ${task.assignee}.`,
      });
    }
    if (!task.assignee) await this.engine.claimTask(id, caller.user);
    return this.get(id, caller);
  }

  /** Gives a claimed task back to its group: its assignee, or a head of a candidate organisation. */
  async unclaim(id: string, caller: CallerInfo): Promise<TaskView> {
    const task = await this.engineTask(id);
    await this.requireCandidate(id, caller);
    if (task.assignee && task.assignee !== caller.user && !caller.roles.includes('head')) {
      throw forbidden({
        zh: '只能退回本人签收的任务。',
        en: 'You may only unclaim tasks you have claimed yourself.',
      });
    }
    if (task.assignee) await this.engine.unclaimTask(id);
    return this.get(id, caller);
  }

  private async requireCandidate(id: string, caller: CallerInfo): Promise<void> {
    const links = await this.engine.taskIdentityLinks(id);
    const groups = links.filter((l) => l.type === 'candidate' && l.groupId).map((l) => l.groupId as string);
    const mine = groups.some((g) => {
      const [org, role] = g.split(':');
      return org === caller.org && (!role || caller.roles.includes(role));
    });
    if (!mine) {
      throw forbidden({
        zh: '您所在单位不是该任务的办理单位。',
        en: 'Your organisation is not a candidate for this task.',
      });
    }
  }

  async complete(id: string, variables: PlainVariables, caller: CallerInfo): Promise<TaskCompletionView> {
    const done = await this.completions.findOneBy({ taskId: id });
    if (done) return { id, completedAt: done.completedAt.toISOString(), alreadyCompleted: true };
    const task = await this.engineTask(id);
    await this.requireMember(task, caller);
    const form = TASK_FORMS[task.taskDefinitionKey];
    if (!form) {
      // Steps without a generic form (e.g. a complaint's assignment) are completed through the owning
      // service's business endpoint, which checks what the generic form cannot.
      throw conflict({
        zh: '该任务须在业务办理页面完成。',
        en: 'This task is completed through its business page, not the generic task form.',
      });
    }
    const errors = validateTaskVariables(form, variables);
    if (errors.length > 0) {
      throw badRequest(
        { zh: '表单填写有误，请按提示修改。', en: 'The form has errors; please correct them.' },
        errors,
      );
    }
    await this.engine.completeTask(id, variables);
    const completion = await this.completions.save({
      taskId: id,
      taskDefinitionKey: task.taskDefinitionKey,
      processInstanceId: task.processInstanceId,
      variables,
    });
    return { id, completedAt: completion.completedAt.toISOString(), alreadyCompleted: false };
  }

  /** Only the assignee or a member of one of the task's candidate groups. */
  private async requireMember(task: EngineTask, caller: CallerInfo): Promise<void> {
    if (task.assignee && task.assignee === caller.user) return;
    const links = await this.engine.taskIdentityLinks(task.id);
    const groups = groupsOf(caller);
    const member = links.some(
      (l) =>
        (l.type === 'candidate' && l.groupId !== null && groups.includes(l.groupId)) ||
        (l.type === 'candidate' && l.userId !== null && l.userId === caller.user),
    );
    if (!member) throw notYours();
  }

  private async engineTask(id: string): Promise<EngineTask> {
    try {
      return await this.engine.getTask(id);
    } catch (error) {
      if (error instanceof EngineHttpError && error.status === 404) throw notFound(TASK, id);
      throw error;
    }
  }

  /** Business keys of the tasks' process instances, in one engine call. */
  private async businessKeys(tasks: EngineTask[]): Promise<Map<string, string | null>> {
    const ids = [...new Set(tasks.map((t) => t.processInstanceId))];
    const unknown = ids.filter((id) => !this.instanceKeys.has(id));
    if (unknown.length > 0) {
      for (const instance of await this.engine.processInstancesByIds(unknown)) {
        this.instanceKeys.set(instance.id, instance.businessKey);
      }
      for (const oldest of this.instanceKeys.keys()) {
        if (this.instanceKeys.size <= INSTANCE_KEYS_KEPT) break;
        this.instanceKeys.delete(oldest);
      }
    }
    return new Map(ids.map((id) => [id, this.instanceKeys.get(id) ?? null]));
  }

  private async resolveDefinitionKeys(tasks: EngineTask[]): Promise<void> {
    const unknown = [...new Set(tasks.map((t) => t.processDefinitionId))].filter(
      (id) => !this.definitionKeys.has(id),
    );
    for (const definition of await Promise.all(unknown.map((id) => this.engine.processDefinition(id)))) {
      this.definitionKeys.set(definition.id, definition.key);
    }
  }

  private view(task: EngineTask, businessKey: string | null, definitionKey?: string | null): TaskView {
    return {
      id: task.id,
      name: task.name,
      taskDefinitionKey: task.taskDefinitionKey,
      processDefinitionKey:
        definitionKey ?? this.definitionKeys.get(task.processDefinitionId) ?? task.processDefinitionId,
      processInstanceId: task.processInstanceId,
      businessKey,
      assignee: task.assignee,
      created: task.created,
      due: task.due,
      overdue: task.due !== null && new Date(task.due).getTime() < Date.now(),
      priority: task.priority,
      form: TASK_FORMS[task.taskDefinitionKey] ?? [],
    };
  }
}

/** ISO 8601 to the engine's query format (`2026-11-26T08:00:00.000+0000`). */
export function engineDate(iso: string | undefined): string | undefined {
  return iso === undefined ? undefined : new Date(iso).toISOString().replace('Z', '+0000');
}

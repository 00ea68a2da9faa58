import { useCallback, useEffect, useState } from 'react';
import { api, ApiFailure, Session } from '../api';
import { Filter, FILTERS, taskQuery } from '../tasks/task-query';
import { ComplaintContext } from '../components/ComplaintContext';
import { Deadline, deadlineLevel } from '../components/Deadline';
import { TaskForm } from '../components/TaskForm';
import { useI18n } from '../i18n/i18n';
import { PROCESS_KEYS, processName } from '../processes';
import { match, navigate, useRoute } from '../router';

export interface TaskView {
  id: string;
  name: string;
  taskDefinitionKey: string;
  processDefinitionKey: string;
  processInstanceId: string;
  businessKey: string | null;
  assignee: string | null;
  created: string;
  due: string | null;
  overdue: boolean;
  formKey?: string | null;
}

export function TasksPage({ session }: { session: Session }) {
  const { t, lang, dateTime } = useI18n();
  const { path, search } = useRoute();
  const selected = match('/tasks/:id', path)?.id ?? null;
  const filter = (FILTERS as readonly string[]).includes(search.get('filter') ?? '')
    ? (search.get('filter') as Filter)
    : 'unclaimed';
  const processKey = search.get('process') ?? '';
  const [tasks, setTasks] = useState<TaskView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const load = useCallback(() => {
    api<{ total: number; items: TaskView[] }>(`/tasks?${taskQuery(filter, session, processKey)}`)
      .then((answer) => {
        setTasks(answer.items);
        setError(null);
      })
      .catch((e) => setError(e instanceof ApiFailure ? e.text(lang) : String(e)));
  }, [filter, session, processKey, lang]);
  useEffect(load, [load]);

  const go = (changes: Record<string, string>, task: string | null = selected) => {
    const q = new URLSearchParams({ filter, process: processKey, ...changes });
    if (!q.get('process')) q.delete('process');
    navigate(`/tasks${task ? `/${task}` : ''}?${q}`);
  };

  const act = async (task: TaskView, action: 'claim' | 'unclaim') => {
    try {
      await api(`/tasks/${task.id}/${action}`, { method: 'POST' });
      setNotice(t(action === 'claim' ? 'tasks.claimed' : 'tasks.unclaimed', { name: task.name }));
      load();
    } catch (e) {
      setError(e instanceof ApiFailure ? e.text(lang) : String(e));
    }
  };

  return (
    <div className="tasks-page">
      <section className="list">
        <div className="toolbar">
          <div className="tabs" role="tablist">
            {FILTERS.map((f) => (
              <button
                key={f}
                role="tab"
                data-testid={`filter-${f}`}
                aria-selected={f === filter}
                className={f === filter ? 'active' : undefined}
                onClick={() => go({ filter: f })}
              >
                {t(`tasks.filter.${f}`)}
              </button>
            ))}
          </div>
          <label className="inline">
            {t('tasks.process')}
            <select
              value={processKey}
              onChange={(e) => go({ process: e.target.value })}
              data-testid="filter-process"
            >
              <option value="">{t('tasks.allProcesses')}</option>
              {PROCESS_KEYS.map((k) => (
                <option key={k} value={k}>
                  {processName(k, lang)}
                </option>
              ))}
            </select>
          </label>
          <button className="link" onClick={load}>
            {t('app.refresh')}
          </button>
        </div>
        {notice && (
          <p className="notice" role="status">
            {notice}
          </p>
        )}
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        {tasks === null ? (
          <p className="muted">{t('app.loading')}</p>
        ) : tasks.length === 0 ? (
          <p className="empty">{t('tasks.empty')}</p>
        ) : (
          <table className="grid" data-testid="task-table">
            <thead>
              <tr>
                <th>{t('tasks.name')}</th>
                <th>{t('tasks.process')}</th>
                <th>{t('tasks.assignee')}</th>
                <th>{t('tasks.created')}</th>
                <th>{t('tasks.due')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr
                  key={task.id}
                  data-testid="task-row"
                  data-task-id={task.id}
                  data-business-key={task.businessKey ?? ''}
                  className={`${task.id === selected ? 'selected ' : ''}due-${deadlineLevel(task.due)}`}
                  onClick={() => go({}, task.id)}
                >
                  <td>
                    <strong>{task.name}</strong>
                  </td>
                  <td>{processName(task.processDefinitionKey, lang)}</td>
                  <td>{task.assignee ?? <span className="muted">{t('tasks.unassigned')}</span>}</td>
                  <td>{dateTime(task.created)}</td>
                  <td>
                    <Deadline due={task.due} />
                  </td>
                  <td onClick={(e) => e.stopPropagation()}>
                    {task.assignee === session.user.username ? (
                      <button className="small" data-testid="unclaim" onClick={() => act(task, 'unclaim')}>
                        {t('tasks.unclaim')}
                      </button>
                    ) : !task.assignee ? (
                      <button className="small" data-testid="claim" onClick={() => act(task, 'claim')}>
                        {t('tasks.claim')}
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {selected && (
        <TaskDetail
          key={selected}
          id={selected}
          session={session}
          onDone={(message) => {
            setNotice(message);
            go({}, null);
            load();
          }}
        />
      )}
    </div>
  );
}

function TaskDetail(props: { id: string; session: Session; onDone(message: string): void }) {
  const { t, lang, dateTime } = useI18n();
  const [task, setTask] = useState<TaskView | null>(null);
  const [schema, setSchema] = useState<unknown>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api<TaskView>(`/tasks/${props.id}`)
      .then(async (view) => {
        setTask(view);
        if (view.formKey) setSchema((await api<{ schema: unknown }>(`/tasks/${props.id}/form`)).schema);
      })
      .catch((e) => setError(e instanceof ApiFailure ? e.text(lang) : String(e)));
  }, [props.id, lang]);

  const complete = async (values: Record<string, unknown>) => {
    setBusy(true);
    setError(null);
    try {
      const variables = Object.fromEntries(
        Object.entries(values).filter(([, v]) => v !== undefined && v !== null && v !== ''),
      );
      if (task && task.assignee !== props.session.user.username) {
        await api(`/tasks/${props.id}/claim`, { method: 'POST' });
      }
      await api(`/tasks/${props.id}/complete`, { body: { variables } });
      props.onDone(t('tasks.completed', { name: task?.name ?? '' }));
    } catch (e) {
      setError(e instanceof ApiFailure ? e.text(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };

  if (!task)
    return <aside className="detail">{error ? <p className="error">{error}</p> : t('app.loading')}</aside>;
  return (
    <aside className="detail" data-testid="task-detail">
      <h2>{task.name}</h2>
      <dl className="facts">
        <dt>{t('tasks.process')}</dt>
        <dd>{processName(task.processDefinitionKey, lang)}</dd>
        <dt>{t('tasks.businessKey')}</dt>
        <dd>{task.businessKey ?? '—'}</dd>
        <dt>{t('tasks.created')}</dt>
        <dd>{dateTime(task.created)}</dd>
        <dt>{t('tasks.due')}</dt>
        <dd>
          <Deadline due={task.due} />
        </dd>
        <dt>{t('tasks.assignee')}</dt>
        <dd>{task.assignee ?? t('tasks.unassigned')}</dd>
      </dl>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <h3>{t('tasks.form')}</h3>
      {schema ? (
        <TaskForm schema={schema} busy={busy} submitLabel={t('tasks.complete')} onSubmit={complete} />
      ) : (
        <p className="muted">{t('tasks.noForm')}</p>
      )}
      {task.businessKey && task.processDefinitionKey.includes('complaint') && (
        <ComplaintContext id={task.businessKey} />
      )}
    </aside>
  );
}

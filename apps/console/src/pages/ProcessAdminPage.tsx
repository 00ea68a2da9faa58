import BpmnModeler from 'bpmn-js/lib/Modeler';
import NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import 'bpmn-js/dist/assets/diagram-js.css';
import 'bpmn-js/dist/assets/bpmn-js.css';
import 'bpmn-js/dist/assets/bpmn-font/css/bpmn-embedded.css';
import '@bpmn-io/properties-panel/dist/assets/properties-panel.css';
import 'bpmn-js-bpmnlint/dist/assets/css/bpmn-js-bpmnlint.css';
import lintModule from 'bpmn-js-bpmnlint';
import {
  BpmnPropertiesPanelModule,
  BpmnPropertiesProviderModule,
  CamundaPlatformPropertiesProviderModule,
} from 'bpmn-js-properties-panel';
import CamundaBehaviorsModule from 'camunda-bpmn-js-behaviors/lib/camunda-platform';
import camundaModdle from 'camunda-bpmn-moddle/resources/camunda.json';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiFailure } from '../api';
import { useI18n } from '../i18n/i18n';
import { LINT_CONFIG } from '../modeler/lint-config';
import { zhTranslateModule } from '../modeler/translate';
import { processName } from '../processes';
import { match, navigate, useRoute } from '../router';

interface ProcessSummary {
  key: string;
  name: string | null;
  latestVersion: number;
  latestDefinitionId: string;
  savedVersions: number;
}

interface DefinitionSummary {
  id: string;
  version: number;
  runningInstances: number;
  openIncidents: number;
}

interface Incident {
  id: string;
  activityId: string;
  incidentType: string;
  incidentTimestamp: string;
  incidentMessage: string | null;
  processInstanceId: string;
}

interface DefinitionDetail {
  id: string;
  xml: string;
  instances: { id: string; businessKey: string | null; activeActivityIds: string[] }[];
  incidents: Incident[];
}

interface LintIssue {
  id: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error';
}

/** Process administration: models, the modeler with linting, save and deploy, versions, instances, incidents. */
export function ProcessAdminPage() {
  const { t, lang } = useI18n();
  const { path } = useRoute();
  const selected = match('/admin/processes/:key', path)?.key ?? null;
  const [processes, setProcesses] = useState<ProcessSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<ProcessSummary[]>('/process-admin/processes')
      .then(setProcesses)
      .catch((e) => setError(e instanceof ApiFailure ? e.text(lang) : String(e)));
  }, [lang]);
  useEffect(load, [load]);
  return (
    <div className="admin">
      <section className="card">
        <h2>{t('admin.models')}</h2>
        {error && <p className="error">{error}</p>}
        <ul className="models">
          {(processes ?? []).map((p) => (
            <li
              key={p.key}
              data-testid={`model-${p.key}`}
              className={p.key === selected ? 'active' : undefined}
              onClick={() => navigate(`/admin/processes/${p.key}`)}
            >
              <strong>{processName(p.key, lang)}</strong>
              <br />
              <span className="muted">
                {t('admin.deployedVersion', { v: p.latestVersion })} ·{' '}
                {t('admin.savedVersions', { n: p.savedVersions })}
              </span>
            </li>
          ))}
        </ul>
      </section>
      <section>
        {selected ? (
          <ProcessDetail key={`${selected}-${lang}`} processKey={selected} onChange={load} />
        ) : (
          <p className="empty">{t('admin.choose')}</p>
        )}
      </section>
    </div>
  );
}

function ProcessDetail({ processKey, onChange }: { processKey: string; onChange(): void }) {
  const { t, lang } = useI18n();
  const canvas = useRef<HTMLDivElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const modeler = useRef<BpmnModeler | null>(null);
  const [issues, setIssues] = useState<LintIssue[]>([]);
  const [linted, setLinted] = useState(false);
  const [saved, setSaved] = useState<number | null>(null);
  const [deployedVersion, setDeployedVersion] = useState<number | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [definitions, setDefinitions] = useState<DefinitionSummary[]>([]);
  const [definition, setDefinition] = useState<string | null>(null);
  const fail = (e: unknown) => setError(e instanceof ApiFailure ? e.text(lang) : String(e));

  const loadDefinitions = useCallback(() => {
    api<DefinitionSummary[]>(`/process-admin/processes/${processKey}/definitions`)
      .then(setDefinitions)
      .catch(fail);
  }, [processKey]);
  useEffect(loadDefinitions, [loadDefinitions]);

  useEffect(() => {
    const instance = new BpmnModeler({
      container: canvas.current as HTMLElement,
      propertiesPanel: { parent: panel.current as HTMLElement },
      linting: { bpmnlint: LINT_CONFIG, active: true },
      additionalModules: [
        BpmnPropertiesPanelModule,
        BpmnPropertiesProviderModule,
        CamundaPlatformPropertiesProviderModule,
        CamundaBehaviorsModule,
        lintModule,
        ...(lang === 'zh' ? [zhTranslateModule] : []),
      ],
      moddleExtensions: { camunda: camundaModdle },
    });
    modeler.current = instance;
    let live = true;
    instance.on('linting.completed', (event: { issues: Record<string, LintIssue[]> }) => {
      setIssues(Object.values(event.issues).flat());
      setLinted(true);
    });
    api<{ xml: string; savedVersion: number | null; deployedVersion: number }>(
      `/process-admin/processes/${processKey}/model`,
    )
      .then(async (model) => {
        if (!live) return;
        setSaved(model.savedVersion);
        setDeployedVersion(model.deployedVersion);
        await instance.importXML(model.xml);
        if (live) (instance.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
      })
      .catch((e) => live && fail(e));
    return () => {
      live = false;
      modeler.current = null;
      instance.destroy();
    };
  }, [processKey]);

  const errors = issues.filter((i) => i.category === 'error' || i.category === 'rule-error');
  const save = async (): Promise<number | null> => {
    if (!modeler.current) return null;
    setBusy(true);
    setError(null);
    try {
      const { xml } = await modeler.current.saveXML({ format: true });
      const answer = await api<{ version: number }>(`/process-admin/processes/${processKey}/versions`, {
        body: { xml },
      });
      setSaved(answer.version);
      setNotice(t('admin.saved', { v: answer.version }));
      onChange();
      return answer.version;
    } catch (e) {
      fail(e);
      return null;
    } finally {
      setBusy(false);
    }
  };
  const deploy = async () => {
    if (errors.length > 0) return;
    const version = await save();
    if (version === null) return;
    setBusy(true);
    try {
      const answer = await api<{ engineVersion: number }>(
        `/process-admin/processes/${processKey}/versions/${version}/deploy`,
        { method: 'POST' },
      );
      setDeployedVersion(answer.engineVersion);
      setNotice(t('admin.deployed', { v: answer.engineVersion }));
      onChange();
      loadDefinitions();
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <div className="toolbar">
        <h1>{processName(processKey, lang)}</h1>
        <span className="muted">
          {t('admin.deployedVersion', { v: deployedVersion ?? '—' })}
          {saved !== null && ` · ${t('admin.lastSaved', { v: saved })}`}
        </span>
        <button className="small" onClick={save} disabled={busy} data-testid="save-model">
          {t('admin.save')}
        </button>
        <button
          className="primary"
          onClick={deploy}
          disabled={busy || !linted || errors.length > 0}
          data-testid="deploy-model"
        >
          {t('admin.deploy')}
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
      <div className="modeler">
        <div className="canvas" ref={canvas} data-testid="modeler" />
        <div className="properties" ref={panel} />
      </div>
      <div data-testid="lint-summary" className={errors.length > 0 ? 'bad' : 'muted'}>
        {linted
          ? t('admin.lintSummary', {
              errors: errors.length,
              warnings: issues.length - errors.length,
            })
          : t('app.loading')}
        {errors.length > 0 && ` ${t('admin.fixBeforeDeploy')}`}
      </div>
      {issues.length > 0 && (
        <ul className="lint-issues">
          {issues.slice(0, 8).map((i, n) => (
            <li key={n} className={i.category === 'error' ? 'bad' : 'muted'}>
              {i.id}: {i.message}
            </li>
          ))}
        </ul>
      )}
      <h2>{t('admin.versions')}</h2>
      <table className="grid" data-testid="definitions">
        <thead>
          <tr>
            <th>{t('admin.version')}</th>
            <th>{t('admin.running')}</th>
            <th>{t('admin.incidents')}</th>
          </tr>
        </thead>
        <tbody>
          {definitions.map((d) => (
            <tr
              key={d.id}
              data-testid="definition-row"
              data-version={d.version}
              className={d.id === definition ? 'selected' : undefined}
              onClick={() => setDefinition(d.id)}
            >
              <td>v{d.version}</td>
              <td>{d.runningInstances}</td>
              <td className={d.openIncidents > 0 ? 'bad' : undefined}>{d.openIncidents}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {definition && <DefinitionView key={definition} id={definition} onRetried={loadDefinitions} />}
    </div>
  );
}

function DefinitionView({ id, onRetried }: { id: string; onRetried(): void }) {
  const { t, lang, dateTime } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  const viewer = useRef<NavigatedViewer | null>(null);
  const [detail, setDetail] = useState<DefinitionDetail | null>(null);
  const [instance, setInstance] = useState<string | null>(null);
  const [imported, setImported] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    api<DefinitionDetail>(`/process-admin/definitions/${encodeURIComponent(id)}`)
      .then((d) => {
        setDetail(d);
        setInstance((current) => current ?? d.instances[0]?.id ?? null);
      })
      .catch((e) => setError(e instanceof ApiFailure ? e.text(lang) : String(e)));
  }, [id, lang]);
  useEffect(load, [load]);
  useEffect(() => {
    if (!detail || !host.current) return;
    const created = new NavigatedViewer({ container: host.current });
    viewer.current = created;
    let live = true;
    created
      .importXML(detail.xml)
      .then(() => {
        if (!live) return;
        (created.get('canvas') as { zoom(level: string): void }).zoom('fit-viewport');
        setImported((n) => n + 1);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      viewer.current = null;
      created.destroy();
    };
  }, [detail]);
  useEffect(() => {
    const current = viewer.current;
    if (!current || !detail) return;
    const canvas = current.get('canvas') as {
      addMarker(id: string, marker: string): void;
      removeMarker(id: string, marker: string): void;
    };
    const registry = current.get('elementRegistry') as { getAll(): { id: string }[] };
    const active = new Set(detail.instances.find((i) => i.id === instance)?.activeActivityIds ?? []);
    const timer = setTimeout(() => {
      for (const element of registry.getAll()) {
        if (active.has(element.id)) canvas.addMarker(element.id, 'highlight-active');
        else canvas.removeMarker(element.id, 'highlight-active');
      }
    }, 50);
    return () => clearTimeout(timer);
  }, [instance, detail, imported]);

  const retry = async (incident: Incident) => {
    try {
      await api(`/process-admin/incidents/${incident.id}/retry`, { method: 'POST' });
      load();
      onRetried();
    } catch (e) {
      setError(e instanceof ApiFailure ? e.text(lang) : String(e));
    }
  };

  return (
    <div className="card" data-testid="definition-view">
      {error && <p className="error">{error}</p>}
      <div className="toolbar">
        <h2>{t('admin.instances')}</h2>
        <select
          value={instance ?? ''}
          onChange={(e) => setInstance(e.target.value)}
          data-testid="instance-select"
        >
          {(detail?.instances ?? []).map((i) => (
            <option key={i.id} value={i.id}>
              {i.businessKey ?? i.id}
            </option>
          ))}
        </select>
        <span className="muted">{t('admin.activeStepHint')}</span>
      </div>
      <div className="viewer" ref={host} data-testid="instance-diagram" />
      <h2>{t('admin.incidents')}</h2>
      {detail && detail.incidents.length === 0 ? (
        <p className="muted">{t('admin.noIncidents')}</p>
      ) : (
        <table className="grid">
          <tbody>
            {(detail?.incidents ?? []).map((i) => (
              <tr key={i.id}>
                <td>{dateTime(i.incidentTimestamp)}</td>
                <td>{i.activityId}</td>
                <td className="bad">{i.incidentMessage}</td>
                <td>
                  <button className="small" onClick={() => retry(i)}>
                    {t('admin.retry')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CallerInfo, notFound, unprocessable } from '@oversight/platform';
import { EngineClient, EngineHttpError, EngineProcessDefinition } from '@oversight/workflow';
import { ProcessModelVersionEntity } from './process-model-version.entity';

const PROCESS = { zh: '流程', en: 'Process' };

export interface ProcessSummary {
  key: string;
  name: string | null;
  latestVersion: number;
  latestDefinitionId: string;
  savedVersions: number;
}

export interface DefinitionSummary {
  id: string;
  version: number;
  deploymentId: string;
  runningInstances: number;
  openIncidents: number;
}

/**
 * Process administration: the deployed models, versions saved from the console's modeler, deploying
 * them, and per deployed version its running instances (where each stands) and incidents to retry.
 */
@Injectable()
export class ProcessAdminService {
  constructor(
    private readonly engine: EngineClient,
    @InjectRepository(ProcessModelVersionEntity)
    private readonly versions: Repository<ProcessModelVersionEntity>,
  ) {}

  async processes(): Promise<ProcessSummary[]> {
    const [latest, saved] = await Promise.all([
      this.engine.processDefinitions(undefined, true),
      this.versions
        .createQueryBuilder('v')
        .select('v.process_key', 'key')
        .addSelect('count(*)::int', 'n')
        .groupBy('v.process_key')
        .getRawMany<{ key: string; n: number }>(),
    ]);
    const counts = new Map(saved.map((s) => [s.key, s.n]));
    return latest
      .map((d) => ({
        key: d.key,
        name: d.name,
        latestVersion: d.version,
        latestDefinitionId: d.id,
        savedVersions: counts.get(d.key) ?? 0,
      }))
      .sort((a, b) => a.key.localeCompare(b.key));
  }

  /** The model to edit: the newest saved version when it is newer than what runs, else the deployed one. */
  async model(
    key: string,
  ): Promise<{ key: string; xml: string; savedVersion: number | null; deployedVersion: number }> {
    const [deployed] = await this.engine.processDefinitions(key, true);
    if (!deployed) throw notFound(PROCESS, key);
    const saved = await this.versions.findOne({ where: { processKey: key }, order: { version: 'DESC' } });
    if (saved && !saved.deployedDefinitionId) {
      return { key, xml: saved.xml, savedVersion: saved.version, deployedVersion: deployed.version };
    }
    return {
      key,
      xml: await this.engine.processDefinitionXml(deployed.id),
      savedVersion: saved?.version ?? null,
      deployedVersion: deployed.version,
    };
  }

  async save(key: string, xml: string, comment: string | undefined, caller: CallerInfo) {
    if (!xml.includes(`id="${key}"`)) {
      throw unprocessable({
        zh: `模型中没有流程 ${key}，请勿修改流程标识。`,
        en: `The model does not contain process ${key}; keep the process id.`,
      });
    }
    const last = await this.versions.findOne({ where: { processKey: key }, order: { version: 'DESC' } });
    const saved = await this.versions.save({
      processKey: key,
      version: (last?.version ?? 0) + 1,
      xml,
      comment: comment ?? null,
      savedBy: caller.user ?? 'unknown',
    });
    return this.versionView(saved);
  }

  async savedVersions(key: string) {
    const rows = await this.versions.find({ where: { processKey: key }, order: { version: 'DESC' } });
    return rows.map((r) => this.versionView(r));
  }

  /** Deploys a saved version; the engine rejects models it cannot parse (422 with its message). */
  async deploy(key: string, version: number) {
    const saved = await this.versions.findOneBy({ processKey: key, version });
    if (!saved) throw notFound({ zh: '模型版本', en: 'Model version' }, `${key} v${version}`);
    try {
      await this.engine.deployXml(`${key} (console v${version})`, `${key}.bpmn`, saved.xml);
    } catch (error) {
      if (error instanceof EngineHttpError && error.status < 500) {
        throw unprocessable({
          zh: `流程引擎拒绝部署：${error.message}`,
          en: `The engine rejected the model: ${error.message}`,
        });
      }
      throw error;
    }
    const [latest] = await this.engine.processDefinitions(key, true);
    saved.deployedDefinitionId = latest.id;
    saved.deployedAt = new Date();
    await this.versions.save(saved);
    return { ...this.versionView(saved), engineVersion: latest.version };
  }

  async definitions(key: string): Promise<DefinitionSummary[]> {
    const all = await this.engine.processDefinitions(key);
    if (all.length === 0) throw notFound(PROCESS, key);
    return Promise.all(
      all.map(async (d: EngineProcessDefinition) => {
        const [instances, incidents] = await Promise.all([
          this.engine.processInstancesOfDefinition(d.id),
          this.engine.incidents({ processDefinitionId: d.id }),
        ]);
        return {
          id: d.id,
          version: d.version,
          deploymentId: d.deploymentId,
          runningInstances: instances.length,
          openIncidents: incidents.length,
        };
      }),
    );
  }

  /** One deployed version: its diagram, running instances with their active steps, and incidents. */
  async definition(id: string) {
    let xml: string;
    try {
      xml = await this.engine.processDefinitionXml(id);
    } catch (error) {
      if (error instanceof EngineHttpError && error.status === 404) throw notFound(PROCESS, id);
      throw error;
    }
    const [instances, incidents] = await Promise.all([
      this.engine.processInstancesOfDefinition(id),
      this.engine.incidents({ processDefinitionId: id }),
    ]);
    const withSteps = await Promise.all(
      instances.map(async (i) => ({ ...i, activeActivityIds: await this.engine.activeActivityIds(i.id) })),
    );
    return { id, xml, instances: withSteps, incidents };
  }

  /** Retries the failed external task or job behind an incident, once its cause has been fixed. */
  async retryIncident(id: string) {
    const [incident] = (await this.engine.incidents({})).filter((i) => i.id === id);
    if (!incident || !incident.configuration) throw notFound({ zh: '异常', en: 'Incident' }, id);
    if (incident.incidentType === 'failedExternalTask') {
      await this.engine.setExternalTaskRetries(incident.configuration, 1);
    } else {
      await this.engine.setJobRetries(incident.configuration, 1);
    }
    return { id, retried: true };
  }

  private versionView(v: ProcessModelVersionEntity) {
    return {
      processKey: v.processKey,
      version: v.version,
      comment: v.comment,
      savedBy: v.savedBy,
      savedAt: v.savedAt.toISOString(),
      deployedDefinitionId: v.deployedDefinitionId,
      deployedAt: v.deployedAt?.toISOString() ?? null,
    };
  }
}

import { DynamicModule } from '@nestjs/common';
import { DataSource, DataSourceOptions } from 'typeorm';
import { loadConfig, ServiceConfig } from '@oversight/config';
import { SERVICE, ServiceName } from '@oversight/contracts';
import { EngineClient } from '@oversight/workflow';
import { RunningService, startServiceForTest, TEST_GATEWAY_ENV } from '@oversight/testing';
import { AppModule as CommissionModule } from '../../apps/discipline-commission/src/app.module';
import { buildDataSourceOptions as commissionDs } from '../../apps/discipline-commission/src/discipline-commission.datasource';
import { AppModule as GatewayModule } from '../../apps/gateway/src/app.module';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config';
import { AppModule as JusticeBureauModule } from '../../apps/justice-bureau/src/app.module';
import { buildDataSourceOptions as justiceBureauDs } from '../../apps/justice-bureau/src/justice-bureau.datasource';
import { AppModule as LiaisonModule } from '../../apps/liaison/src/app.module';
import { buildDataSourceOptions as liaisonDs } from '../../apps/liaison/src/liaison.datasource';
import { AppModule as PeoplesCongressModule } from '../../apps/peoples-congress/src/app.module';
import { buildDataSourceOptions as peoplesCongressDs } from '../../apps/peoples-congress/src/peoples-congress.datasource';
import { AppModule as ProcuratorateModule } from '../../apps/procuratorate/src/app.module';
import { ProcuratorateConfig } from '../../apps/procuratorate/src/procuratorate.config';
import { buildDataSourceOptions as procuratorateDs } from '../../apps/procuratorate/src/procuratorate.datasource';
import { AppModule as TasklistModule } from '../../apps/tasklist/src/app.module';
import { buildDataSourceOptions as tasklistDs } from '../../apps/tasklist/src/tasklist.datasource';

type Env = Record<string, string | undefined>;
type BackendName = Exclude<ServiceName, 'gateway'>;

/** How to boot each back-end service in-process, and the gateway setting that points at it. */
const BACKENDS: Record<
  BackendName,
  { module(env: Env): DynamicModule; dataSource(url: string): DataSourceOptions; gatewayUrlKey: string }
> = {
  'justice-bureau': {
    module: (env) => JusticeBureauModule.forRoot(loadConfig(ServiceConfig, env)),
    dataSource: justiceBureauDs,
    gatewayUrlKey: 'JUSTICE_BUREAU_URL',
  },
  procuratorate: {
    module: (env) => ProcuratorateModule.forRoot(loadConfig(ProcuratorateConfig, env)),
    dataSource: procuratorateDs,
    gatewayUrlKey: 'PROCURATORATE_URL',
  },
  'discipline-commission': {
    module: (env) => CommissionModule.forRoot(loadConfig(ServiceConfig, env)),
    dataSource: commissionDs,
    gatewayUrlKey: 'DISCIPLINE_COMMISSION_URL',
  },
  'peoples-congress': {
    module: (env) => PeoplesCongressModule.forRoot(loadConfig(ServiceConfig, env)),
    dataSource: peoplesCongressDs,
    gatewayUrlKey: 'PEOPLES_CONGRESS_URL',
  },
  tasklist: {
    module: (env) => TasklistModule.forRoot(loadConfig(ServiceConfig, env)),
    dataSource: tasklistDs,
    gatewayUrlKey: 'TASKLIST_URL',
  },
  liaison: {
    module: (env) => LiaisonModule.forRoot(loadConfig(ServiceConfig, env)),
    dataSource: liaisonDs,
    gatewayUrlKey: 'LIAISON_URL',
  },
};

/** Services booted in-process on the test run's real infrastructure, behind one gateway. */
export interface Services {
  /** The gateway's /api. */
  api: string;
  gateway: RunningService;
  /** A started back-end service (throws if it was not asked for, or is stopped). */
  get(name: BackendName): RunningService;
  /** That service's own database connection (its schema). */
  db(name: BackendName): DataSource;
  /** The engine client of the first service started. */
  engine: EngineClient;
  /** Stop one back-end service (to hold its events back); `restart` boots it again on the same env. */
  stopService(name: BackendName): Promise<void>;
  restart(name: BackendName): Promise<RunningService>;
  stop(): Promise<void>;
}

export interface StartServicesOptions {
  /** Extra environment for the back-end services. */
  env?: Record<string, string>;
  /** Extra settings for the gateway. */
  gatewayEnv?: Record<string, string>;
}

/**
 * Boot `names` (in that order) and a gateway routed to them. One after the other: two services creating
 * the same Kafka topics at once can fail their leader wait.
 */
export async function startServices(
  names: BackendName[],
  options: StartServicesOptions = {},
): Promise<Services> {
  const env: Env = { ...process.env, BPMN_DIR: `${__dirname}/../../bpmn`, ...options.env };
  const url = env.DATABASE_URL as string;
  const boot = (name: BackendName) =>
    startServiceForTest({
      service: name,
      module: BACKENDS[name].module(env),
      dataSource: BACKENDS[name].dataSource(url),
    });
  const running = new Map<BackendName, RunningService>();
  for (const name of names) running.set(name, await boot(name));
  const gatewayUrls = Object.fromEntries(names.map((n) => [BACKENDS[n].gatewayUrlKey, running.get(n)!.url]));
  const gateway = await startServiceForTest({
    service: SERVICE.gateway,
    module: GatewayModule.forRoot(
      loadConfig(GatewayConfig, { ...TEST_GATEWAY_ENV, ...gatewayUrls, ...options.gatewayEnv }),
    ),
  });
  const get = (name: BackendName) => {
    const service = running.get(name);
    if (!service) throw new Error(`${name} is not running in this test system`);
    return service;
  };
  return {
    api: `${gateway.url}/api`,
    gateway,
    get,
    db: (name) => get(name).app.get(DataSource),
    engine: get(names[0]).app.get(EngineClient),
    stopService: async (name) => {
      await running.get(name)?.close();
      running.delete(name);
    },
    restart: async (name) => {
      if (!running.has(name)) running.set(name, await boot(name));
      return get(name);
    },
    stop: async () => {
      await Promise.all([gateway, ...running.values()].map((s) => s.close()));
    },
  };
}

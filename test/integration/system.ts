import { DataSource } from 'typeorm';
import { loadConfig, ServiceConfig } from '@oversight/config';
import { SERVICE } from '@oversight/contracts';
import { EngineClient } from '@oversight/workflow';
import { RunningService, startServiceForTest, TEST_GATEWAY_ENV } from '@oversight/testing';
import { AppModule as GatewayModule } from '../../apps/gateway/src/app.module';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config';
import { AppModule as JusticeBureauModule } from '../../apps/justice-bureau/src/app.module';
import { buildDataSourceOptions as justiceBureauDs } from '../../apps/justice-bureau/src/justice-bureau.datasource';
import { AppModule as LiaisonModule } from '../../apps/liaison/src/app.module';
import { buildDataSourceOptions as liaisonDs } from '../../apps/liaison/src/liaison.datasource';
import { AppModule as TasklistModule } from '../../apps/tasklist/src/app.module';
import { buildDataSourceOptions as tasklistDs } from '../../apps/tasklist/src/tasklist.datasource';

/** The services of the complaint flow, booted in-process on the test run's real infrastructure. */
export interface System {
  justiceBureau: RunningService;
  tasklist: RunningService;
  liaison: RunningService;
  gateway: RunningService;
  api: string;
  engine: EngineClient;
  jbDb: DataSource;
  liaisonDb: DataSource;
  stop(): Promise<void>;
}

export async function startSystem(
  env: Record<string, string> = {},
  gatewayEnv: Record<string, string> = {},
): Promise<System> {
  const merged: Record<string, string | undefined> = {
    ...process.env,
    BPMN_DIR: `${__dirname}/../../bpmn`,
    ...env,
  };
  const url = merged.DATABASE_URL as string;
  const justiceBureau = await startServiceForTest({
    service: SERVICE.justiceBureau,
    module: JusticeBureauModule.forRoot(loadConfig(ServiceConfig, merged)),
    dataSource: justiceBureauDs(url),
  });
  const tasklist = await startServiceForTest({
    service: SERVICE.tasklist,
    module: TasklistModule.forRoot(loadConfig(ServiceConfig, merged)),
    dataSource: tasklistDs(url),
  });
  const liaison = await startServiceForTest({
    service: SERVICE.liaison,
    module: LiaisonModule.forRoot(loadConfig(ServiceConfig, merged)),
    dataSource: liaisonDs(url),
  });
  const gateway = await startServiceForTest({
    service: SERVICE.gateway,
    module: GatewayModule.forRoot(
      loadConfig(GatewayConfig, {
        ...TEST_GATEWAY_ENV,
        JUSTICE_BUREAU_URL: justiceBureau.url,
        TASKLIST_URL: tasklist.url,
        LIAISON_URL: liaison.url,
        ...gatewayEnv,
      }),
    ),
  });
  return {
    justiceBureau,
    tasklist,
    liaison,
    gateway,
    api: `${gateway.url}/api`,
    engine: justiceBureau.app.get(EngineClient),
    jbDb: justiceBureau.app.get(DataSource),
    liaisonDb: liaison.app.get(DataSource),
    stop: async () => {
      await Promise.all([gateway, liaison, tasklist, justiceBureau].map((s) => s.close()));
    },
  };
}

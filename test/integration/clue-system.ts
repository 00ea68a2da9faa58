import { DataSource } from 'typeorm';
import { loadConfig, ServiceConfig } from '@oversight/config';
import { SERVICE } from '@oversight/contracts';
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

/**
 * The services of a clue referral, booted in-process on the test run's real infrastructure: the justice
 * bureau and the discipline commission (each with its own schema, workers and consumers), liaison and the
 * gateway. The commission can be stopped and started again, to hold its events back.
 */
export interface ClueSystem {
  justiceBureau: RunningService;
  /** The current commission instance (a new one after `startCommission`). */
  readonly commission: RunningService | null;
  liaison: RunningService;
  gateway: RunningService;
  /** The gateway's /api, for the services as they were at start. */
  api: string;
  engine: EngineClient;
  jbDb: DataSource;
  liaisonDb: DataSource;
  stopCommission(): Promise<void>;
  startCommission(): Promise<RunningService>;
  stop(): Promise<void>;
}

export async function startClueSystem(): Promise<ClueSystem> {
  const env: Record<string, string | undefined> = { ...process.env, BPMN_DIR: `${__dirname}/../../bpmn` };
  const url = env.DATABASE_URL as string;
  const bootCommission = () =>
    startServiceForTest({
      service: SERVICE.disciplineCommission,
      module: CommissionModule.forRoot(loadConfig(ServiceConfig, env)),
      dataSource: commissionDs(url),
    });
  // One after the other: two services creating the same topics at once can fail their leader wait.
  const justiceBureau = await startServiceForTest({
    service: SERVICE.justiceBureau,
    module: JusticeBureauModule.forRoot(loadConfig(ServiceConfig, env)),
    dataSource: justiceBureauDs(url),
  });
  const firstCommission = await bootCommission();
  const liaison = await startServiceForTest({
    service: SERVICE.liaison,
    module: LiaisonModule.forRoot(loadConfig(ServiceConfig, env)),
    dataSource: liaisonDs(url),
  });
  let commission: RunningService | null = firstCommission;
  const gateway = await startServiceForTest({
    service: SERVICE.gateway,
    module: GatewayModule.forRoot(
      loadConfig(GatewayConfig, {
        ...TEST_GATEWAY_ENV,
        JUSTICE_BUREAU_URL: justiceBureau.url,
        DISCIPLINE_COMMISSION_URL: firstCommission.url,
        LIAISON_URL: liaison.url,
      }),
    ),
  });
  return {
    justiceBureau,
    get commission() {
      return commission;
    },
    liaison,
    gateway,
    api: `${gateway.url}/api`,
    engine: justiceBureau.app.get(EngineClient),
    jbDb: justiceBureau.app.get(DataSource),
    liaisonDb: liaison.app.get(DataSource),
    stopCommission: async () => {
      await commission?.close();
      commission = null;
    },
    startCommission: async () => {
      commission ??= await bootCommission();
      return commission;
    },
    stop: async () => {
      await Promise.all([gateway, liaison, justiceBureau, commission].map((s) => s?.close()));
    },
  };
}

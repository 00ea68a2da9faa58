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
import { AppModule as ProcuratorateModule } from '../../apps/procuratorate/src/app.module';
import { ProcuratorateConfig } from '../../apps/procuratorate/src/procuratorate.config';
import { buildDataSourceOptions as procuratorateDs } from '../../apps/procuratorate/src/procuratorate.datasource';

/**
 * The services of the criminal-justice handoff, booted in-process on the test run's real infrastructure:
 * the procuratorate (which hosts the handoff), the justice bureau (which receives copies), liaison and
 * the gateway.
 */
export interface CriminalTransferSystem {
  procuratorate: RunningService;
  justiceBureau: RunningService;
  liaison: RunningService;
  gateway: RunningService;
  /** The gateway's /api. */
  api: string;
  engine: EngineClient;
  db: DataSource;
  jbDb: DataSource;
  stop(): Promise<void>;
}

export async function startCriminalTransferSystem(
  extraEnv: Record<string, string> = {},
): Promise<CriminalTransferSystem> {
  const env: Record<string, string | undefined> = {
    ...process.env,
    BPMN_DIR: `${__dirname}/../../bpmn`,
    ...extraEnv,
  };
  const url = env.DATABASE_URL as string;
  // One after the other: two services creating the same topics at once can fail their leader wait.
  const procuratorate = await startServiceForTest({
    service: SERVICE.procuratorate,
    module: ProcuratorateModule.forRoot(loadConfig(ProcuratorateConfig, env)),
    dataSource: procuratorateDs(url),
  });
  const justiceBureau = await startServiceForTest({
    service: SERVICE.justiceBureau,
    module: JusticeBureauModule.forRoot(loadConfig(ServiceConfig, env)),
    dataSource: justiceBureauDs(url),
  });
  const liaison = await startServiceForTest({
    service: SERVICE.liaison,
    module: LiaisonModule.forRoot(loadConfig(ServiceConfig, env)),
    dataSource: liaisonDs(url),
  });
  const gateway = await startServiceForTest({
    service: SERVICE.gateway,
    module: GatewayModule.forRoot(
      loadConfig(GatewayConfig, {
        ...TEST_GATEWAY_ENV,
        JUSTICE_BUREAU_URL: justiceBureau.url,
        PROCURATORATE_URL: procuratorate.url,
        LIAISON_URL: liaison.url,
      }),
    ),
  });
  return {
    procuratorate,
    justiceBureau,
    liaison,
    gateway,
    api: `${gateway.url}/api`,
    engine: procuratorate.app.get(EngineClient),
    db: procuratorate.app.get(DataSource),
    jbDb: justiceBureau.app.get(DataSource),
    stop: async () => {
      await Promise.all([gateway, liaison, justiceBureau, procuratorate].map((s) => s.close()));
    },
  };
}

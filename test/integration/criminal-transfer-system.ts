import { DataSource } from 'typeorm';
import { EngineClient } from '@oversight/workflow';
import { RunningService } from '@oversight/testing';
import { startServices } from './services';

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
  const s = await startServices(['procuratorate', 'justice-bureau', 'liaison'], { env: extraEnv });
  return {
    procuratorate: s.get('procuratorate'),
    justiceBureau: s.get('justice-bureau'),
    liaison: s.get('liaison'),
    gateway: s.gateway,
    api: s.api,
    engine: s.engine,
    db: s.db('procuratorate'),
    jbDb: s.db('justice-bureau'),
    stop: s.stop,
  };
}

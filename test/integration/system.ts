import { DataSource } from 'typeorm';
import { EngineClient } from '@oversight/workflow';
import { RunningService } from '@oversight/testing';
import { startServices } from './services';

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
  const s = await startServices(['justice-bureau', 'tasklist', 'liaison'], { env, gatewayEnv });
  return {
    justiceBureau: s.get('justice-bureau'),
    tasklist: s.get('tasklist'),
    liaison: s.get('liaison'),
    gateway: s.gateway,
    api: s.api,
    engine: s.engine,
    jbDb: s.db('justice-bureau'),
    liaisonDb: s.db('liaison'),
    stop: s.stop,
  };
}

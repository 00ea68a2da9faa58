import { DataSource } from 'typeorm';
import { EngineClient } from '@oversight/workflow';
import { RunningService } from '@oversight/testing';
import { startServices } from './services';

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
  const s = await startServices(['justice-bureau', 'discipline-commission', 'liaison']);
  let commission: RunningService | null = s.get('discipline-commission');
  return {
    justiceBureau: s.get('justice-bureau'),
    get commission() {
      return commission;
    },
    liaison: s.get('liaison'),
    gateway: s.gateway,
    api: s.api,
    engine: s.engine,
    jbDb: s.db('justice-bureau'),
    liaisonDb: s.db('liaison'),
    stopCommission: async () => {
      await s.stopService('discipline-commission');
      commission = null;
    },
    startCommission: async () => {
      commission = await s.restart('discipline-commission');
      return commission;
    },
    stop: s.stop,
  };
}

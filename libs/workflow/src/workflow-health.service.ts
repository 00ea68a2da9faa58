import { Injectable } from '@nestjs/common';
import { EngineClient } from './engine.client';
import { JobWorkerService } from './job-worker.service';

@Injectable()
export class WorkflowHealthService {
  constructor(
    private readonly engine: EngineClient,
    private readonly workers: JobWorkerService,
  ) {}

  async check(): Promise<{ status: 'up' | 'down'; [detail: string]: unknown }> {
    const details = { circuit: this.engine.circuit, jobTypes: this.workers.types };
    try {
      const engines = await this.engine.engineInfo();
      return { status: 'up', engines: engines.map((e) => e.name), ...details };
    } catch (error) {
      return { status: 'down', error: (error as Error).message, ...details };
    }
  }
}

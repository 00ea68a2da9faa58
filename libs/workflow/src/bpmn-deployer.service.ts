import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { EngineClient } from './engine.client';
import { WORKFLOW_OPTIONS, WorkflowOptions } from './workflow.options';

/**
 * Deploys the service's BPMN at start-up. The engine skips unchanged resources, so replicas and
 * restarts create no new versions; a changed file becomes the next version for new instances.
 */
@Injectable()
export class BpmnDeployerService implements OnApplicationBootstrap {
  private readonly logger = new Logger(BpmnDeployerService.name);

  constructor(
    private readonly engine: EngineClient,
    @Inject(WORKFLOW_OPTIONS) private readonly options: WorkflowOptions,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.bpmnFiles.length === 0) return;
    const deployment = await this.engine.deploy(this.options.service, this.options.bpmnFiles);
    const defs = Object.keys((deployment.deployedProcessDefinitions ?? {}) as object);
    this.logger.log(`BPMN deployed (${this.options.bpmnFiles.length} files, ${defs.length} new versions)`);
  }
}

import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { BpmnDeployerService } from './bpmn-deployer.service';
import { EngineClient } from './engine.client';
import { JobWorkerService } from './job-worker.service';
import { WorkflowHealthService } from './workflow-health.service';
import { WORKFLOW_OPTIONS, WorkflowOptions } from './workflow.options';

/** The workflow engine for a service: client, BPMN deployment at start, job workers by decorator. */
@Global()
@Module({})
export class WorkflowModule {
  static forRoot(options: WorkflowOptions): DynamicModule {
    return {
      module: WorkflowModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: WORKFLOW_OPTIONS, useValue: options },
        EngineClient,
        BpmnDeployerService,
        JobWorkerService,
        WorkflowHealthService,
      ],
      exports: [EngineClient, WorkflowHealthService, JobWorkerService],
    };
  }
}

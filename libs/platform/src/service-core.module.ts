import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { identitySecret, ServiceConfig } from '@oversight/config';
import { serviceDataSourceOptions } from '@oversight/database';
import { MESSAGING_ENTITIES, MessagingModule } from '@oversight/messaging';
import { ProcessedJobEntity, WorkflowModule } from '@oversight/workflow';
import { HealthCheck } from './health.controller';
import { PlatformModule } from './platform.module';

export interface ServiceCoreInput {
  service: string;
  config: ServiceConfig;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: Function[];
  extraHealthChecks?: Record<string, HealthCheck>;
}

/** The BPMN files a service owns: everything in `bpmn/<service>/`. */
export function bpmnFilesOf(bpmnDir: string, service: string): string[] {
  const dir = resolve(bpmnDir, service);
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.bpmn'))
      .sort()
      .map((f) => join(dir, f));
  } catch {
    return [];
  }
}

/** What every back-end service stands on: its database schema, Kafka, the engine and /health. */
@Module({})
export class ServiceCoreModule {
  static forRoot(input: ServiceCoreInput): DynamicModule {
    const { config, service } = input;
    return {
      module: ServiceCoreModule,
      imports: [
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: config.databaseUrl,
            service,
            entities: [...input.entities, ...MESSAGING_ENTITIES, ProcessedJobEntity],
            migrations: [],
          }),
        ),
        MessagingModule.forRoot({
          service,
          brokers: config.kafkaBrokers,
          outboxPollMs: config.outboxPollMs,
          consumerMaxAttempts: config.consumerMaxAttempts,
          outboxRetentionHours: config.outboxRetentionHours,
        }),
        WorkflowModule.forRoot({
          service,
          engineUrl: config.engineUrl,
          bpmnFiles: bpmnFilesOf(config.bpmnDir, service),
          workers: config.engineWorkers,
        }),
        PlatformModule.forRoot({
          service,
          extraHealthChecks: input.extraHealthChecks,
          identitySecret: identitySecret(config),
        }),
      ],
    };
  }
}

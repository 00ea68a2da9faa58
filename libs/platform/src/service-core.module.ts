import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { identitySecret, ServiceConfig } from '@oversight/config';
import { serviceDataSourceOptions } from '@oversight/database';
import { MESSAGING_ENTITIES, MessagingModule } from '@oversight/messaging';
import { ProcessedJobEntity, WorkflowModule } from '@oversight/workflow';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { AuditController, AUDIT_OWNER_ORG } from './audit/audit.controller';
import { DeadLetterController } from './dead-letter.controller';
import { AuditEntryEntity } from './audit/audit-entry.entity';
import { AuditInterceptor } from './audit/audit.interceptor';
import { AuditService } from './audit/audit.service';
import { AuditSubscriber } from './audit/audit.subscriber';
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

/** The organisation whose administrators may search a service's audit log. */
export const AUDIT_OWNER: Record<string, string> = {
  'justice-bureau': 'sfj',
  'discipline-commission': 'jw',
  procuratorate: 'jcy',
  'peoples-congress': 'rd',
  liaison: 'sfj',
  tasklist: 'sfj',
};

/** What every back-end service stands on: its database schema, Kafka, the engine and /health. */
@Module({})
export class ServiceCoreModule {
  static forRoot(input: ServiceCoreInput): DynamicModule {
    const { config, service } = input;
    return {
      module: ServiceCoreModule,
      global: true,
      controllers: [AuditController, DeadLetterController],
      providers: [
        AuditService,
        AuditSubscriber,
        { provide: APP_INTERCEPTOR, useClass: AuditInterceptor },
        { provide: AUDIT_OWNER_ORG, useValue: AUDIT_OWNER[service] ?? 'sfj' },
      ],
      exports: [AuditService],
      imports: [
        TypeOrmModule.forRoot(
          serviceDataSourceOptions({
            url: config.databaseUrl,
            service,
            entities: [...input.entities, ...MESSAGING_ENTITIES, ProcessedJobEntity, AuditEntryEntity],
            migrations: [],
          }),
        ),
        MessagingModule.forRoot({
          service,
          brokers: config.kafkaBrokers,
          outboxPollMs: config.outboxPollMs,
          consumerMaxAttempts: config.consumerMaxAttempts,
          topicPartitions: config.kafkaTopicPartitions,
          consumerConcurrency: config.consumerConcurrency,
          consumerFetchWaitMs: config.consumerFetchWaitMs,
          consumerFetchMinBytes: config.consumerFetchMinBytes,
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

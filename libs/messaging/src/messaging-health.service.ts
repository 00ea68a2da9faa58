import { Inject, Injectable } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { KAFKA } from './messaging.options';
import { OutboxRelayService } from './outbox-relay.service';
import { EventConsumerService } from './event-consumer.service';

export interface ComponentHealth {
  status: 'up' | 'down';
  [detail: string]: unknown;
}

@Injectable()
export class MessagingHealthService {
  constructor(
    @Inject(KAFKA) private readonly kafka: Kafka,
    private readonly relay: OutboxRelayService,
    private readonly consumer: EventConsumerService,
  ) {}

  async check(): Promise<ComponentHealth> {
    const admin = this.kafka.admin({ retry: { retries: 0 } });
    const details = {
      outboxPending: await this.relay.pendingCount(),
      outboxError: this.relay.lastError,
      consumerCrashed: this.consumer.crashed,
    };
    try {
      await admin.connect();
      const cluster = await admin.describeCluster();
      return { status: 'up', brokers: cluster.brokers.length, ...details };
    } catch (error) {
      return { status: 'down', error: (error as Error).message, ...details };
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
}

import { DynamicModule, Global, Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DeadLetterService } from './dead-letter.service';
import { EventConsumerService } from './event-consumer.service';
import { createKafka } from './kafka.util';
import { MessagingHealthService } from './messaging-health.service';
import { KAFKA, MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';
import { OutboxRelayService } from './outbox-relay.service';
import { OutboxService } from './outbox.service';

/** Kafka behind our own interface: outbox for publishing, inbox de-duplication for consuming. */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      imports: [DiscoveryModule],
      providers: [
        { provide: MESSAGING_OPTIONS, useValue: options },
        { provide: KAFKA, useFactory: () => createKafka(options.service, options.brokers) },
        OutboxService,
        OutboxRelayService,
        EventConsumerService,
        MessagingHealthService,
        DeadLetterService,
      ],
      exports: [
        OutboxService,
        MessagingHealthService,
        EventConsumerService,
        DeadLetterService,
        KAFKA,
        MESSAGING_OPTIONS,
      ],
    };
  }
}

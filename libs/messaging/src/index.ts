export * from './outbox-message.entity';
export * from './inbox-message.entity';
export * from './messaging-tables.util';
export * from './messaging.options';
export * from './outbox.service';
export * from './outbox-relay.service';
export * from './event-consumer.service';
export * from './kafka-event-handler.decorator';
export * from './messaging-health.service';
export * from './messaging.module';
export * from './kafka.util';
export * from './dead-letter.service';

import { InboxMessageEntity } from './inbox-message.entity';
import { OutboxMessageEntity } from './outbox-message.entity';
/** Entities every service using messaging registers in its data source. */
export const MESSAGING_ENTITIES = [OutboxMessageEntity, InboxMessageEntity];
export * from './retryable.error';

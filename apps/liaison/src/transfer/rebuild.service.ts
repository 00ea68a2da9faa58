import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EventConsumerService } from '@oversight/messaging';

/**
 * Rebuilds the transfer register from the Kafka topics, from the beginning. The projection is
 * idempotent and order-insensitive, so the live consumer may go on meanwhile: whatever both apply
 * converges. Meetings and resolutions are liaison's own records, not projections, and are kept.
 */
@Injectable()
export class RebuildService {
  private readonly logger = new Logger(RebuildService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consumer: EventConsumerService,
  ) {}

  async rebuild(): Promise<{ events: number; skipped: number; transfers: number; ms: number }> {
    const started = Date.now();
    await this.dataSource.query(`TRUNCATE liaison.transfer_event, liaison.transfer`);
    const { events, skipped } = await this.consumer.replay();
    const [{ n }] = (await this.dataSource.query(`SELECT count(*)::int AS n FROM liaison.transfer`)) as {
      n: number;
    }[];
    this.logger.log(`register rebuilt from ${events} events (${skipped} skipped): ${n} transfers`);
    return { events, skipped, transfers: n, ms: Date.now() - started };
  }
}

import { Controller, Get, HttpStatus, Inject, Optional, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { MessagingHealthService } from '@oversight/messaging';
import { WorkflowHealthService } from '@oversight/workflow';
import { Public } from './identity/access.decorator';

export const HEALTH_SERVICE_NAME = Symbol('HEALTH_SERVICE_NAME');
export const EXTRA_HEALTH_CHECKS = Symbol('EXTRA_HEALTH_CHECKS');

export type HealthCheck = () => Promise<{ status: 'up' | 'down'; [detail: string]: unknown }>;

/** `/health`: the database, Kafka and the workflow engine as this service sees them; 503 when any is down. */
@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @Inject(HEALTH_SERVICE_NAME) private readonly service: string,
    @Optional() private readonly dataSource?: DataSource,
    @Optional() private readonly messaging?: MessagingHealthService,
    @Optional() private readonly workflow?: WorkflowHealthService,
    @Optional() @Inject(EXTRA_HEALTH_CHECKS) private readonly extra?: Record<string, HealthCheck>,
  ) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '健康检查 / health of the service and its dependencies' })
  async health(@Res() res: Response): Promise<void> {
    const checks: Record<string, HealthCheck> = { ...(this.extra ?? {}) };
    if (this.dataSource) checks.database = () => this.database();
    if (this.messaging) checks.kafka = () => this.messaging!.check();
    if (this.workflow) checks.engine = () => this.workflow!.check();
    const entries = await Promise.all(
      Object.entries(checks).map(async ([name, check]) => {
        try {
          return [name, await check()] as const;
        } catch (error) {
          return [name, { status: 'down', error: (error as Error).message }] as const;
        }
      }),
    );
    const components = Object.fromEntries(entries);
    const up = entries.every(([, c]) => c.status === 'up');
    res.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({
      service: this.service,
      status: up ? 'up' : 'down',
      components,
    });
  }

  private async database() {
    await this.dataSource!.query('SELECT 1');
    return { status: 'up' as const };
  }
}

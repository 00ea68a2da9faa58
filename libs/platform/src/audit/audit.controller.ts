import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDateString, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { forbidden } from '../api-error';
import { Caller, CallerInfo } from '../caller';
import { Access } from '../identity/access.decorator';
import { RULE } from '../identity/access-rules';
import { AuditEntryEntity } from './audit-entry.entity';
import { AuditService } from './audit.service';

export const AUDIT_OWNER_ORG = Symbol('AUDIT_OWNER_ORG');

export class AuditQueryDto {
  @ApiPropertyOptional({ description: '操作人 / user' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string;

  @ApiPropertyOptional({ description: '操作人单位 / organisation' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  org?: string;

  @ApiPropertyOptional({ description: '动作 / read, change, system-change, complainant.read…' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  action?: string;

  @ApiPropertyOptional({ description: '对象（路径或记录，包含匹配）/ target contains' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  target?: string;

  @ApiPropertyOptional({ description: '起始时间 / from (ISO)' })
  @IsOptional()
  @IsDateString()
  from?: string;

  @ApiPropertyOptional({ description: '截止时间 / to (ISO)' })
  @IsOptional()
  @IsDateString()
  to?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;
}

/**
 * The service's audit log for its administrators: search, and the chain's verification. Only the
 * administrators of the organisation that owns the service (its data stays with it).
 */
@ApiTags('audit')
@Controller('api/audit')
export class AuditController {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(AUDIT_OWNER_ORG) private readonly owner: string,
  ) {}

  private requireOwner(caller: CallerInfo): void {
    if (caller.org !== this.owner) {
      throw forbidden({
        zh: '只有本单位的系统管理员可以查阅审计日志。',
        en: 'Only the owning organisation’s administrators may read this audit log.',
      });
    }
  }

  @Get('entries')
  @Access(RULE.auditAdmin)
  @ApiOperation({ summary: '审计日志查询 / search the audit log, newest first' })
  async search(@Query() query: AuditQueryDto, @Caller() caller: CallerInfo) {
    this.requireOwner(caller);
    const qb = this.dataSource.getRepository(AuditEntryEntity).createQueryBuilder('e');
    if (query.actor) qb.andWhere('e.actor_user = :actor', { actor: query.actor });
    if (query.org) qb.andWhere('e.actor_org = :org', { org: query.org });
    if (query.action) qb.andWhere('e.action = :action', { action: query.action });
    if (query.target)
      qb.andWhere('e.target LIKE :target', { target: `%${query.target.replace(/[%_\\]/g, '\\$&')}%` });
    if (query.from) qb.andWhere('e.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.at <= :to', { to: query.to });
    const [items, total] = await qb
      .orderBy('e.seq', 'DESC')
      .skip(query.offset)
      .take(query.limit)
      .getManyAndCount();
    return { total, items };
  }

  @Get('verification')
  @Access(RULE.auditAdmin)
  @ApiOperation({ summary: '校验审计日志哈希链 / verify the hash chain of the audit log' })
  verify(@Caller() caller: CallerInfo) {
    this.requireOwner(caller);
    return this.audit.verify();
  }
}

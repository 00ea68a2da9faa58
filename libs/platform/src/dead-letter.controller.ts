import { Body, Controller, Get, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeadLetter, DeadLetterService, MESSAGING_OPTIONS, MessagingOptions } from '@oversight/messaging';
import { badRequest, forbidden, notFound } from './api-error';
import { AUDIT_OWNER_ORG } from './audit/audit.controller';
import { Caller, CallerInfo } from './caller';
import { Access } from './identity/access.decorator';
import { RULE } from './identity/access-rules';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEAD_LETTER = { zh: '死信', en: 'Dead letter' };

/**
 * Dead letters of this service, for the administrators of the organisation that owns it (their payloads
 * are its data): `/api/admin/<service>/dead-letters`, reachable through the gateway under the same path.
 */
@ApiTags('admin')
@Controller('api/admin/:service/dead-letters')
@Access(RULE.auditAdmin)
export class DeadLetterController {
  constructor(
    private readonly deadLetters: DeadLetterService,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    @Inject(AUDIT_OWNER_ORG) private readonly owner: string,
  ) {}

  /** The caller's name, once the service and the caller's organisation are right. */
  private admit(service: string, caller: CallerInfo): string {
    if (service !== this.options.service) throw notFound({ zh: '服务', en: 'Service' }, service);
    if (caller.org !== this.owner) {
      throw forbidden({
        zh: '只有本单位的系统管理员可以处理死信。',
        en: 'Only the owning organisation’s administrators may handle its dead letters.',
      });
    }
    return caller.user ?? 'admin';
  }

  @Get()
  @ApiOperation({ summary: '死信列表 / dead-lettered messages (open by default; state=replayed|all)' })
  async list(
    @Param('service') service: string,
    @Caller() caller: CallerInfo,
    @Query('state') state?: string,
    @Query('topic') topic?: string,
  ): Promise<{ items: DeadLetter[] }> {
    this.admit(service, caller);
    if (state !== undefined && !['open', 'replayed', 'all'].includes(state)) {
      throw badRequest({
        zh: '状态只能是 open、replayed 或 all。',
        en: 'state must be open, replayed or all.',
      });
    }
    return { items: await this.deadLetters.list({ state: state as 'open' | undefined, topic }) };
  }

  @Post('replay')
  @ApiOperation({ summary: '重放全部未处理死信 / replay every open dead letter (of one topic)' })
  async replayAll(
    @Param('service') service: string,
    @Caller() caller: CallerInfo,
    @Query('topic') topic?: string,
  ): Promise<{ replayed: DeadLetter[] }> {
    const by = this.admit(service, caller);
    return { replayed: await this.deadLetters.replayAll(by, topic) };
  }

  @Post(':id/replay')
  @ApiOperation({
    summary: '重放一条死信 / send one dead letter back to its topic, optionally with a corrected value',
  })
  async replay(
    @Param('service') service: string,
    @Param('id') id: string,
    @Caller() caller: CallerInfo,
    @Body() body: { value?: unknown } | undefined,
  ): Promise<DeadLetter> {
    const by = this.admit(service, caller);
    if (!UUID.test(id)) throw notFound(DEAD_LETTER, id);
    const value = body?.value;
    if (value !== undefined && (typeof value !== 'object' || value === null)) {
      throw badRequest({
        zh: '更正后的消息须为 JSON 对象。',
        en: 'A corrected value must be a JSON object.',
      });
    }
    const replayed = await this.deadLetters.replay(
      id,
      by,
      value === undefined ? undefined : JSON.stringify(value),
    );
    if (!replayed) throw notFound(DEAD_LETTER, id);
    return replayed;
  }
}

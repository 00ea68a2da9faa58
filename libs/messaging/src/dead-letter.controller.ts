import {
  Body,
  Controller,
  Get,
  Headers,
  HttpException,
  HttpStatus,
  Inject,
  Param,
  Post,
  Query,
} from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DeadLetter, DeadLetterService } from './dead-letter.service';
import { MESSAGING_OPTIONS, MessagingOptions } from './messaging.options';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// The same body as the platform's ApiError (which this library cannot import: the platform imports it).
const error = (status: HttpStatus, code: string, zh: string, en: string) =>
  new HttpException({ statusCode: status, error: code, message: { zh, en } }, status);

/**
 * Dead letters of this service, for administrators (role `admin`): `/api/admin/<service>/dead-letters`,
 * reachable through the gateway under the same path.
 */
@ApiTags('admin')
@Controller('api/admin/:service/dead-letters')
export class DeadLetterController {
  constructor(
    private readonly deadLetters: DeadLetterService,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  private guard(service: string, roles: string | undefined, user: string | undefined): string {
    if (service !== this.options.service) {
      throw error(
        HttpStatus.NOT_FOUND,
        'NOT_FOUND',
        `没有这个服务：${service}`,
        `No such service: ${service}`,
      );
    }
    if (
      !(roles ?? '')
        .split(',')
        .map((r) => r.trim())
        .includes('admin')
    ) {
      throw error(
        HttpStatus.FORBIDDEN,
        'FORBIDDEN',
        '此操作须由系统管理员办理。',
        'Only an administrator may do this.',
      );
    }
    return user ?? 'admin';
  }

  @Get()
  @ApiOperation({ summary: '死信列表 / dead-lettered messages (open by default; state=replayed|all)' })
  async list(
    @Param('service') service: string,
    @Headers('x-oversight-roles') roles: string | undefined,
    @Headers('x-oversight-user') user: string | undefined,
    @Query('state') state?: string,
    @Query('topic') topic?: string,
  ): Promise<{ items: DeadLetter[] }> {
    this.guard(service, roles, user);
    if (state !== undefined && !['open', 'replayed', 'all'].includes(state)) {
      throw error(
        HttpStatus.BAD_REQUEST,
        'BAD_REQUEST',
        '状态只能是 open、replayed 或 all。',
        'state must be open, replayed or all.',
      );
    }
    return { items: await this.deadLetters.list({ state: state as 'open' | undefined, topic }) };
  }

  @Post('replay')
  @ApiOperation({ summary: '重放全部未处理死信 / replay every open dead letter (of one topic)' })
  async replayAll(
    @Param('service') service: string,
    @Headers('x-oversight-roles') roles: string | undefined,
    @Headers('x-oversight-user') user: string | undefined,
    @Query('topic') topic?: string,
  ): Promise<{ replayed: DeadLetter[] }> {
    const by = this.guard(service, roles, user);
    return { replayed: await this.deadLetters.replayAll(by, topic) };
  }

  @Post(':id/replay')
  @ApiOperation({
    summary: '重放一条死信 / send one dead letter back to its topic, optionally with a corrected value',
  })
  async replay(
    @Param('service') service: string,
    @Param('id') id: string,
    @Headers('x-oversight-roles') roles: string | undefined,
    @Headers('x-oversight-user') user: string | undefined,
    @Body() body: { value?: unknown } | undefined,
  ): Promise<DeadLetter> {
    const by = this.guard(service, roles, user);
    const notFound = error(
      HttpStatus.NOT_FOUND,
      'NOT_FOUND',
      `未找到死信：${id}`,
      `Dead letter ${id} was not found`,
    );
    if (!UUID.test(id)) throw notFound;
    const value = body?.value;
    if (value !== undefined && (typeof value !== 'object' || value === null)) {
      throw error(
        HttpStatus.BAD_REQUEST,
        'BAD_REQUEST',
        '更正后的消息须为 JSON 对象。',
        'A corrected value must be a JSON object.',
      );
    }
    const replayed = await this.deadLetters.replay(
      id,
      by,
      value === undefined ? undefined : JSON.stringify(value),
    );
    if (!replayed) throw notFound;
    return replayed;
  }
}

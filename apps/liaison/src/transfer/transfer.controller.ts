import { Controller, Get, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { attachmentDisposition, CONTENT_TYPE, renderXlsx } from '@oversight/documents';
import { Access, Caller, CallerInfo, RULE, requireOrg } from '@oversight/platform';
import { scopeOf } from '../liaison-access';
import { kindLabel } from './transfer-kinds';
import { RebuildService } from './rebuild.service';
import { StatisticsQueryDto, TransferQueryDto } from './transfer.dto';
import { TransferService } from './transfer.service';

const QUARTER = ['', '第一季度', '第二季度', '第三季度', '第四季度'];

@ApiTags('liaison')
@Controller('api/liaison')
export class TransferController {
  constructor(
    private readonly transfers: TransferService,
    private readonly rebuild: RebuildService,
  ) {}

  @Get('transfers')
  @Access(RULE.anyStaff)
  @ApiOperation({ summary: '移送事项登记簿（逾期优先）/ the transfer register, overdue first' })
  list(@Query() query: TransferQueryDto, @Caller() caller: CallerInfo) {
    return this.transfers.list(query, scopeOf(caller));
  }

  @Get('transfers.xlsx')
  @Access(RULE.anyStaff)
  @ApiOperation({ summary: '移送事项登记簿导出（Excel）/ the register as Excel' })
  async registerXlsx(@Query() query: TransferQueryDto, @Caller() caller: CallerInfo, @Res() res: Response) {
    const rows = await this.transfers.all(query, scopeOf(caller));
    const body = await renderXlsx([
      {
        name: '移送事项登记簿',
        title: '联席会议移送事项登记簿',
        columns: [
          { key: 'kind', header: '类型', width: 16 },
          { key: 'sender', header: '移送方', width: 10 },
          { key: 'receiver', header: '接收方', width: 10 },
          { key: 'subject', header: '事项', width: 40 },
          { key: 'openedAt', header: '移送时间', width: 18 },
          { key: 'dueAt', header: '办理期限', width: 18 },
          { key: 'status', header: '状态', width: 12 },
          { key: 'closedAt', header: '办结时间', width: 18 },
          { key: 'overdue', header: '是否逾期', width: 8 },
        ],
        rows: rows.map((t) => ({
          kind: kindLabel(t.kind),
          sender: t.sender,
          receiver: t.receiver,
          subject: t.subject,
          openedAt: t.openedAt,
          dueAt: t.dueAt,
          status: t.status,
          closedAt: t.closedAt,
          overdue: t.overdue ? '逾期' : '',
        })),
      },
    ]);
    send(res, body, 'xlsx', '移送事项登记簿.xlsx', 'transfer-register.xlsx');
  }

  @Get('transfers/:id')
  @Access(RULE.anyStaff)
  @ApiOperation({ summary: '移送事项及其时间线 / one transfer with its timeline and documents' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.transfers.get(id, scopeOf(caller));
  }

  @Get('statistics')
  @Access(RULE.anyStaff)
  @ApiOperation({ summary: '按单位、季度统计件数和按期率 / counts and on-time rates per body and quarter' })
  statistics(@Query() query: StatisticsQueryDto, @Caller() caller: CallerInfo) {
    return this.transfers.statistics(query.year, scopeOf(caller));
  }

  @Get('statistics.xlsx')
  @Access(RULE.anyStaff)
  @ApiOperation({ summary: '季度统计通报（Excel）/ quarterly statistics as Excel' })
  async statisticsXlsx(
    @Query() query: StatisticsQueryDto,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    const stats = await this.transfers.statistics(query.year, scopeOf(caller));
    const body = await renderXlsx([
      {
        name: '季度统计',
        title: `${query.year}年移送事项季度统计`,
        columns: [
          { key: 'body', header: '接收单位', width: 12 },
          { key: 'quarter', header: '季度', width: 10 },
          { key: 'total', header: '移送件数', width: 10 },
          { key: 'closed', header: '已办结', width: 10 },
          { key: 'onTime', header: '按期办结', width: 10 },
          { key: 'rate', header: '按期率', width: 10 },
          { key: 'overdueOpen', header: '逾期未办结', width: 12 },
        ],
        rows: stats.rows.map((r) => ({
          ...r,
          quarter: QUARTER[r.quarter],
          rate: r.onTimeRate === null ? '—' : `${(r.onTimeRate * 100).toFixed(1)}%`,
        })),
      },
    ]);
    send(res, body, 'xlsx', `${query.year}年移送事项季度统计.xlsx`, `transfer-statistics-${query.year}.xlsx`);
  }

  @Post('admin/rebuild')
  @Access(RULE.justiceAdmin)
  @ApiOperation({ summary: '从事件重建登记簿（管理员）/ rebuild the register from the topics (admin)' })
  rebuildRegister(@Caller() caller: CallerInfo) {
    requireOrg(caller, 'sfj', 'admin');
    return this.rebuild.rebuild();
  }
}

export function send(
  res: Response,
  body: Buffer,
  type: 'xlsx' | 'pdf',
  nameZh: string,
  nameAscii: string,
): void {
  res.setHeader('content-type', CONTENT_TYPE[type]);
  res.setHeader('content-disposition', attachmentDisposition(nameZh, nameAscii));
  res.send(body);
}

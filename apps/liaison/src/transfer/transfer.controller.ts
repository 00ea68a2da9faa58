import { Controller, Get, Param, ParseUUIDPipe, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { TransferQueryDto } from './transfer.dto';
import { TransferService } from './transfer.service';

@ApiTags('liaison')
@Controller('api/liaison/transfers')
export class TransferController {
  constructor(private readonly transfers: TransferService) {}

  @Get()
  @ApiOperation({ summary: '移送事项登记簿（逾期优先）/ the transfer register, overdue first' })
  list(@Query() query: TransferQueryDto) {
    return this.transfers.list(query);
  }

  @Get(':id')
  @ApiOperation({ summary: '移送事项及其状态历史 / one transfer with its status history' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.transfers.get(id);
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Caller, CallerInfo, RULE } from '@oversight/platform';
import { AddNegativeEntryDto, NegativeEntryQuery, RemoveNegativeEntryDto } from './negative-list-entry.dto';
import { NegativeListRegisterService } from './negative-list-register.service';

/** Entries the bureau puts on the negative list by hand (GET /api/negative-list shows them too). */
@ApiTags('registers: negative list')
@Controller('api/registers/negative-list')
export class NegativeListEntryController {
  constructor(private readonly register: NegativeListRegisterService) {}

  @Get()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '人工列入的负面清单条目 / manual entries' })
  list(@Query() query: NegativeEntryQuery) {
    return this.register.list(query.includeRemoved);
  }

  @Post()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '列入负面清单（执法事项或执法人员）/ add a matter or an officer' })
  add(@Body() dto: AddNegativeEntryDto, @Caller() caller: CallerInfo) {
    return this.register.add(dto, caller);
  }

  @Post(':id/removal')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '移出负面清单（须说明理由）/ remove with a reason' })
  remove(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RemoveNegativeEntryDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.register.remove(id, dto.reason, caller);
  }
}

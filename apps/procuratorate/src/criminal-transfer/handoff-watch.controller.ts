import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Caller, CallerInfo, RULE } from '@oversight/platform';
import { OpinionDto, OpinionReplyDto, PenaltyCaseDto, SuggestionDto } from './criminal-transfer.dto';
import { HandoffWatchService } from './handoff-watch.service';

/** 应移未移: agencies file penalty cases; the procuratorate lists those above the threshold. */
@ApiTags('penalty cases (应移未移 watch)')
@Controller('api/penalty-cases')
export class PenaltyCaseController {
  constructor(private readonly watch: HandoffWatchService) {}

  @Post()
  @Access(RULE.supervisedUnit)
  @ApiOperation({ summary: '执法机关报送行政处罚案件 / agency files a penalty case' })
  file(@Body() dto: PenaltyCaseDto, @Caller() caller: CallerInfo) {
    return this.watch.filePenaltyCase(dto, caller);
  }

  @Get()
  @Access(RULE.supervisedUnit, RULE.procuratorateDesk)
  @ApiOperation({ summary: '处罚案件（本单位；检察院可见全部）/ penalty cases' })
  list(@Caller() caller: CallerInfo) {
    return this.watch.agencyPenaltyCases(caller);
  }

  @Get('suspected')
  @Access(RULE.procuratorateDesk)
  @ApiOperation({ summary: '疑似应移未移案件（检察院）/ cases that should have been transferred' })
  suspected(@Caller() caller: CallerInfo) {
    return this.watch.suspected(caller);
  }

  @Post(':id/transfer-suggestion')
  @Access(RULE.procuratorateDesk)
  @ApiOperation({ summary: '建议移送 / the procuratorate suggests a transfer' })
  suggest(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: SuggestionDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.watch.suggest(id, dto, caller);
  }
}

/** 反向衔接: 检察意见 to agencies and their written replies. */
@ApiTags('procuratorial opinions (反向衔接)')
@Controller('api/procuratorial-opinions')
export class ProcuratorialOpinionController {
  constructor(private readonly watch: HandoffWatchService) {}

  @Post()
  @Access(RULE.procuratorateDesk)
  @ApiOperation({ summary: '发出检察意见 / send an opinion to an agency' })
  send(@Body() dto: OpinionDto, @Caller() caller: CallerInfo) {
    return this.watch.sendOpinion(dto, caller);
  }

  @Get()
  @Access(RULE.supervisedUnit, RULE.procuratorateDesk)
  @ApiOperation({ summary: '检察意见列表 / opinions' })
  list(@Caller() caller: CallerInfo) {
    return this.watch.opinions(caller);
  }

  @Get(':id')
  @Access(RULE.supervisedUnit, RULE.procuratorateDesk)
  @ApiOperation({ summary: '检察意见详情 / an opinion' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.watch.getOpinion(id, caller);
  }

  @Post(':id/reply')
  @Access(RULE.supervisedUnit)
  @ApiOperation({ summary: '执法机关书面回复 / the agency replies in writing' })
  reply(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: OpinionReplyDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.watch.reply(id, dto, caller);
  }
}

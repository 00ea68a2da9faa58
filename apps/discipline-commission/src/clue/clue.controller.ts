import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Caller, CallerInfo, RULE } from '@oversight/platform';
import { ClueDecisionDto, ClueListQuery, DisposalDto, HandlingDto, JurisdictionDto } from './clue.dto';
import { ClueService } from './clue.service';

/** Problem clues referred to the discipline commission (案管: registration, jurisdiction, disposal). */
@ApiTags('clues (referred to the discipline commission)')
@Controller('api/discipline/clues')
export class ClueController {
  constructor(private readonly clues: ClueService) {}

  @Get()
  @Access(RULE.commissionDesk)
  @ApiOperation({ summary: '移送来的问题线索 / clues referred to the commission' })
  list(@Query() query: ClueListQuery, @Caller() caller: CallerInfo) {
    return this.clues.list(query, caller);
  }

  @Get(':id')
  @Access(RULE.commissionDesk)
  @ApiOperation({ summary: '线索详情及工作记录 / a clue with the commission’s working notes' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.clues.get(id, caller);
  }

  @Post(':id/jurisdiction')
  @Access(RULE.commissionDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '管辖审查：本机关办理、转送或退回 / keep, forward or return' })
  jurisdiction(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: JurisdictionDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.clues.decideJurisdiction(id, dto, caller);
  }

  @Post(':id/disposal')
  @Access(RULE.commissionHead)
  @HttpCode(202)
  @ApiOperation({ summary: '确定处置方式（谈话函询、初步核实、暂存待查、予以了结）/ choose the disposal' })
  disposal(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: DisposalDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.clues.chooseDisposal(id, dto, caller);
  }

  @Post(':id/handling')
  @Access(RULE.commissionDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '谈话函询或初步核实情况（内部）/ record the handling (internal)' })
  handling(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: HandlingDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.clues.handle(id, dto, caller);
  }

  @Post(':id/decision')
  @Access(RULE.commissionDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '研究决定并反馈结果 / decide; the result goes back to the sender' })
  decision(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ClueDecisionDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.clues.decide(id, dto, caller);
  }
}

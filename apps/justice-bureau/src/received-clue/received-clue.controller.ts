import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Caller, CallerInfo, RULE } from '@oversight/platform';
import {
  BureauClueDecisionDto,
  BureauHandlingDto,
  BureauJurisdictionDto,
  ReceivedClueListQuery,
} from './received-clue.dto';
import { ReceivedClueService } from './received-clue.service';

/** Clues of enforcement failings the discipline commission referred to the justice bureau. */
@ApiTags('received clues (discipline commission → justice bureau)')
@Controller('api/received-clues')
export class ReceivedClueController {
  constructor(private readonly clues: ReceivedClueService) {}

  @Get()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '纪委监委移送的问题线索 / clues referred by the commission' })
  list(@Query() query: ReceivedClueListQuery, @Caller() caller: CallerInfo) {
    return this.clues.list(query, caller);
  }

  @Get(':id')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '线索详情及工作记录 / a clue with the bureau’s own working notes' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.clues.get(id, caller);
  }

  @Post(':id/jurisdiction')
  @Access(RULE.justiceDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '受理审查：受理或退回 / keep the clue or return it' })
  jurisdiction(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: BureauJurisdictionDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.clues.decideJurisdiction(id, dto, caller);
  }

  @Post(':id/handling')
  @Access(RULE.justiceDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '监督办理 / record the supervision measure and working notes' })
  handling(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: BureauHandlingDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.clues.handle(id, dto, caller);
  }

  @Post(':id/decision')
  @Access(RULE.justiceHead)
  @HttpCode(202)
  @ApiOperation({ summary: '负责人决定并反馈结果 / the head decides; the result goes back' })
  decision(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: BureauClueDecisionDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.clues.decide(id, dto, caller);
  }
}

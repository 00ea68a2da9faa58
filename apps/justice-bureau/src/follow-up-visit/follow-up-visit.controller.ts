import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Caller, CallerInfo, RULE, requireOrg } from '@oversight/platform';
import {
  DrawDto,
  OfficeRegisterCaseDto,
  OverdueQuery,
  StatisticsQuery,
  VisitQuery,
  VisitResultDto,
} from './follow-up-visit.dto';
import { FOLLOW_UP_OFFICE, FollowUpVisitService } from './follow-up-visit.service';

/** The justice bureau's desk for follow-up visits (回访). */
@ApiTags('follow-up visits')
@Controller('api/follow-up-visits')
export class FollowUpVisitController {
  constructor(private readonly visits: FollowUpVisitService) {}

  @Get('settings')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '回访比例和期限 / sampling ratios and the visit deadline' })
  settings(@Caller() caller: CallerInfo) {
    return this.visits.settings(caller);
  }

  @Post('cases')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '登记待回访案件 / register a closed case for an agency' })
  register(@Body() dto: OfficeRegisterCaseDto, @Caller() caller: CallerInfo) {
    return this.visits.registerForAgency(dto.agencyCode, dto, caller);
  }

  @Get('cases')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '已登记案件 / registered cases' })
  cases(@Query() query: VisitQuery, @Caller() caller: CallerInfo) {
    requireOrg(caller, FOLLOW_UP_OFFICE);
    return this.visits.cases(caller, query.year);
  }

  @Post('draws')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '按比例抽取回访案件 / draw the visit sample at the ratios' })
  draw(@Body() dto: DrawDto, @Caller() caller: CallerInfo) {
    return this.visits.draw(dto, caller);
  }

  @Get('draws/:id')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '抽取记录 / a draw with its seed, population and sample' })
  drawView(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.visits.drawView(id, caller);
  }

  @Get('statistics')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '回访统计 / per-agency statistics' })
  statistics(@Query() query: StatisticsQuery, @Caller() caller: CallerInfo) {
    return this.visits.statistics(query, caller);
  }

  @Get('overdue')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '逾期未回访 / overdue visits' })
  overdue(@Query() query: OverdueQuery, @Caller() caller: CallerInfo) {
    return this.visits.overdue(query.asOf, caller);
  }

  @Get()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '回访任务 / visits' })
  list(@Query() query: VisitQuery, @Caller() caller: CallerInfo) {
    return this.visits.visits(query, caller);
  }

  @Post(':id/result')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '记录回访结果 / record the visit’s result' })
  record(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: VisitResultDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.visits.recordResult(id, dto, caller);
  }
}

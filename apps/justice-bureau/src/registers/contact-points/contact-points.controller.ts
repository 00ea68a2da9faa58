import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Caller, CallerInfo, RULE } from '@oversight/platform';
import {
  ContactPointQuery,
  RecordVisitDto,
  RegisterContactPointDto,
  WithdrawContactPointDto,
} from './contact-points.dto';
import { ContactPointsService } from './contact-points.service';

/** Enterprise contact points: the bureau keeps them; each agency sees its own. */
@ApiTags('registers: enterprise contact points')
@Controller('api/registers/contact-points')
export class ContactPointsController {
  constructor(private readonly contactPoints: ContactPointsService) {}

  @Get()
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '企业联系点（标出本年未走访的）/ contact points, unvisited flagged' })
  list(@Query() query: ContactPointQuery, @Caller() caller: CallerInfo) {
    return this.contactPoints.list(query, caller);
  }

  @Get('satisfaction')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '各执法部门满意度 / satisfaction per agency' })
  satisfaction(@Query() query: ContactPointQuery, @Caller() caller: CallerInfo) {
    return this.contactPoints.satisfaction(query, caller);
  }

  @Post()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '确定企业联系点 / register a contact point' })
  register(@Body() dto: RegisterContactPointDto, @Caller() caller: CallerInfo) {
    return this.contactPoints.register(dto, caller);
  }

  @Post(':id/withdrawal')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '撤销企业联系点（保留走访记录）/ withdraw a contact point' })
  withdraw(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: WithdrawContactPointDto) {
    return this.contactPoints.withdraw(id, dto.reason);
  }

  @Get(':id/visits')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '走访和满意度调查记录 / visits and surveys' })
  visits(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.contactPoints.visits(id, caller);
  }

  @Post(':id/visits')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '记录走访及满意度调查（逐题得分）/ record a visit and its survey' })
  recordVisit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RecordVisitDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.contactPoints.recordVisit(id, dto, caller);
  }
}

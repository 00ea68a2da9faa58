import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Caller, CallerInfo, RULE } from '@oversight/platform';
import { RegisterCaseDto, VisitQuery } from './follow-up-visit.dto';
import { FollowUpVisitService } from './follow-up-visit.service';

/** An agency registers its closed cases for follow-up visits and sees its own. */
@ApiTags('follow-up visits (agency)')
@Controller('api/agency/follow-up-cases')
export class AgencyFollowUpCaseController {
  constructor(private readonly visits: FollowUpVisitService) {}

  @Post()
  @Access(RULE.supervisedUnit)
  @ApiOperation({ summary: '登记本单位已结案件 / register a closed case of my agency' })
  register(@Body() dto: RegisterCaseDto, @Caller() caller: CallerInfo) {
    return this.visits.registerOwn(dto, caller);
  }

  @Get()
  @Access(RULE.supervisedUnit)
  @ApiOperation({ summary: '本单位登记的案件 / my agency’s registered cases' })
  list(@Query() query: VisitQuery, @Caller() caller: CallerInfo) {
    return this.visits.cases(caller, query.year);
  }
}

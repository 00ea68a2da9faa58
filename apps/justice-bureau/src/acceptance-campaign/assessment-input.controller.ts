import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Caller, CallerInfo, RULE } from '@oversight/platform';
import { AcceptanceBoardService } from './acceptance-board.service';
import { AssessmentInputQuery } from './acceptance-campaign.dto';

/** Input to the annual rule-of-law assessment (法治建设考核), per unit and year. */
@ApiTags('assessment input')
@Controller('api/assessment-inputs')
export class AssessmentInputController {
  constructor(private readonly board: AcceptanceBoardService) {}

  @Get()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '年度考核数据 / per-unit results feeding the annual assessment' })
  list(@Query() query: AssessmentInputQuery, @Caller() caller: CallerInfo) {
    return this.board.assessmentInputs(query.year, query.unit, caller);
  }
}

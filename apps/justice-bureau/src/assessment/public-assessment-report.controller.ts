import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@oversight/platform';
import { AssessmentReportService } from './assessment-report.service';
import { assessmentYear } from './assessment.service';

/**
 * The public annual reports of the county's enforcement bodies (执法机关年度报告, plan 四（五）2): counts,
 * on-time rate and grade per unit, no personal data; not there until the office publishes the year.
 */
@ApiTags('public')
@Controller('api/public/assessment-reports')
export class PublicAssessmentReportController {
  constructor(private readonly reports: AssessmentReportService) {}

  @Get(':year')
  @Public()
  @ApiOperation({
    summary: '县级行政执法年度报告 / the county’s public annual report (404 before publication)',
  })
  county(@Param('year') year: string) {
    return this.reports.publicReport(assessmentYear(year));
  }

  @Get(':year/units/:code')
  @Public()
  @ApiOperation({ summary: '单位行政执法年度报告 / one unit’s public annual report' })
  unit(@Param('year') year: string, @Param('code') code: string) {
    return this.reports.publicReport(assessmentYear(year), code);
  }
}

import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { attachmentDisposition, CONTENT_TYPE } from '@oversight/documents';
import { Access, Caller, CallerInfo, RULE } from '@oversight/platform';
import { AssessmentReportService } from './assessment-report.service';
import { PublishRunDto, SetWeightsDto } from './assessment.dto';
import { assessmentRules, assessmentYear, AssessmentService } from './assessment.service';

/**
 * The office's annual assessment (执法考核精细化, plan 四（五）): the indicator catalogue, the year's
 * weights, computation runs, publication and the report to the county party committee and government.
 */
@ApiTags('annual assessment (justice bureau)')
@Controller('api/assessments')
export class AssessmentController {
  constructor(
    private readonly assessments: AssessmentService,
    private readonly reports: AssessmentReportService,
  ) {}

  @Get('indicators')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '考核指标目录、默认权重和等次线 / indicator catalogue, default weights, grades' })
  indicators() {
    return assessmentRules();
  }

  @Get(':year/weights')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '年度权重 / the year’s weights (the office’s, else the defaults)' })
  weights(@Param('year') year: string) {
    return this.assessments.weightsOf(assessmentYear(year));
  }

  @Put(':year/weights')
  @Access(RULE.justiceHead)
  @ApiOperation({ summary: '设置年度权重 / set the year’s weights (known indicators, ≥ 0, total 100)' })
  setWeights(@Param('year') year: string, @Body() dto: SetWeightsDto, @Caller() caller: CallerInfo) {
    return this.assessments.setWeights(assessmentYear(year), dto, caller);
  }

  @Post(':year/runs')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '计算年度考核 / compute the year for every unit (a new run)' })
  compute(@Param('year') year: string, @Caller() caller: CallerInfo) {
    return this.assessments.compute(assessmentYear(year), caller);
  }

  @Get(':year/runs')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '计算记录 / the year’s runs, newest first' })
  runs(@Param('year') year: string) {
    return this.assessments.runs(assessmentYear(year));
  }

  @Get(':year/runs/:id')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '一次计算 / one run with its inputs, weights, rules and results' })
  run(@Param('year') year: string, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.assessments.detail(assessmentYear(year), id);
  }

  @Post(':year/runs/:id/publish')
  @Access(RULE.justiceHead)
  @HttpCode(200)
  @ApiOperation({ summary: '发布考核结果 / publish a run (409 if another is published, unless superseded)' })
  publish(
    @Param('year') year: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: PublishRunDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.assessments.publish(assessmentYear(year), id, dto, caller);
  }

  @Get(':year/runs/:id/ledger')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '考核结果台帐（Excel）/ every unit’s indicators, scores and grade as xlsx' })
  async ledger(
    @Param('year') year: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() res: Response,
  ) {
    const run = await this.assessments.run(assessmentYear(year), id);
    const content = await this.reports.xlsx(run);
    res.setHeader('content-type', CONTENT_TYPE.xlsx);
    res.setHeader(
      'content-disposition',
      attachmentDisposition(
        `${run.year}年度行政执法考核结果-第${run.seq}次.xlsx`,
        `assessment-${run.year}-${run.seq}.xlsx`,
      ),
    );
    res.send(content);
  }

  @Get(':year/runs/:id/report')
  @Access(RULE.justiceDesk)
  @ApiOperation({
    summary: '年度行政执法监督工作报告（PDF）/ the report to the party committee and government',
  })
  async report(
    @Param('year') year: string,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Res() res: Response,
  ) {
    const run = await this.assessments.run(assessmentYear(year), id);
    const content = await this.reports.pdf(run);
    res.setHeader('content-type', CONTENT_TYPE.pdf);
    res.setHeader(
      'content-disposition',
      attachmentDisposition(
        `${run.year}年度行政执法监督工作报告-第${run.seq}次.pdf`,
        `assessment-report-${run.year}-${run.seq}.pdf`,
      ),
    );
    res.send(content);
  }
}

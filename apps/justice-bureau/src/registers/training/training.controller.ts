import { Body, Controller, Get, Param, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { attachmentDisposition, CONTENT_TYPE, renderXlsx } from '@oversight/documents';
import { Access, Caller, CallerInfo, RULE } from '@oversight/platform';
import {
  AnnualCheckQuery,
  RecordTrainingDto,
  RunAnnualCheckDto,
  TrainingQuery,
  TrainingRequirementDto,
} from './training.dto';
import { TrainingService } from './training.service';

/** Training of officers and auxiliaries (执法人员培训, 一月一法, 抽考) and the annual check. */
@ApiTags('registers: training')
@Controller('api/registers/training')
export class TrainingController {
  constructor(private readonly training: TrainingService) {}

  @Get()
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '培训记录 / training records' })
  list(@Query() query: TrainingQuery, @Caller() caller: CallerInfo) {
    return this.training.list(query, caller);
  }

  @Post()
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '登记培训（含一月一法、抽考成绩）/ record a training' })
  record(@Body() dto: RecordTrainingDto, @Caller() caller: CallerInfo) {
    return this.training.record(dto, caller);
  }

  @Get('requirements')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '年度培训要求及依据 / yearly minimum and its basis' })
  requirements() {
    return this.training.requirements();
  }

  @Put('requirements/:kind')
  @Access(RULE.justiceHead)
  @ApiOperation({ summary: '调整年度培训要求 / change a yearly minimum' })
  setRequirement(
    @Param('kind') kind: string,
    @Body() dto: TrainingRequirementDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.training.setRequirement(kind, dto, caller);
  }

  @Get('annual-check')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '年度培训达标情况（逐人标出差额）/ annual check with shortfalls' })
  annualCheck(@Query() query: AnnualCheckQuery, @Caller() caller: CallerInfo) {
    return this.training.annualCheck(query, caller);
  }

  @Get('annual-check/export')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '年度培训达标情况导出（Excel）/ the annual check as Excel' })
  async exportCheck(@Query() query: AnnualCheckQuery, @Caller() caller: CallerInfo, @Res() res: Response) {
    const check = await this.training.annualCheck(query, caller);
    const body = await renderXlsx([
      {
        name: '培训达标情况',
        title: `${query.year}年度行政执法人员培训达标情况`,
        columns: [
          { key: 'orgName', header: '单位', width: 24 },
          { key: 'name', header: '姓名', width: 10 },
          { key: 'kind', header: '人员类别', width: 12 },
          { key: 'days', header: '培训天数', width: 10 },
          { key: 'required', header: '要求天数', width: 10 },
          { key: 'shortfall', header: '差额', width: 8 },
          { key: 'met', header: '是否达标', width: 10 },
        ],
        rows: check.organisations.flatMap((o) =>
          o.persons.map((p) => ({
            orgName: o.orgName,
            name: p.name,
            kind: p.kind === 'officer' ? '执法人员' : '执法辅助人员',
            days: p.days,
            required: p.required,
            shortfall: p.shortfall,
            met: p.met ? '达标' : '未达标',
          })),
        ),
      },
    ]);
    res.setHeader('content-type', CONTENT_TYPE.xlsx);
    res.setHeader(
      'content-disposition',
      attachmentDisposition(`${query.year}年度培训达标情况.xlsx`, `training-${query.year}.xlsx`),
    );
    res.send(body);
  }

  @Post('annual-check')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '运行年度培训考核，写入考核数据 / run the check and record assessment inputs' })
  runAnnualCheck(@Body() dto: RunAnnualCheckDto, @Caller() caller: CallerInfo) {
    return this.training.runAnnualCheck(dto.year, caller);
  }
}

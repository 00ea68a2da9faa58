import { Body, Controller, Get, Param, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
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

  @Post('annual-check')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '运行年度培训考核，写入考核数据 / run the check and record assessment inputs' })
  runAnnualCheck(@Body() dto: RunAnnualCheckDto, @Caller() caller: CallerInfo) {
    return this.training.runAnnualCheck(dto.year, caller);
  }
}

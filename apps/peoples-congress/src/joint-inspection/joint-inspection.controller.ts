import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
  Res,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { attachmentDisposition } from '@oversight/documents';
import { Access, Caller, CallerInfo, RULE, UploadedFileData } from '@oversight/platform';
import {
  AssignTeamDto,
  DisposeFindingDto,
  PlanInspectionDto,
  RecordFindingDto,
  RectificationReportDto,
} from './joint-inspection.dto';
import { InspectionReportService } from './inspection-report.service';
import { JointInspectionService, MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from './joint-inspection.service';

const UPLOAD = FilesInterceptor('files', MAX_EVIDENCE_FILES + 1, {
  limits: { fileSize: MAX_EVIDENCE_BYTES + 1, files: MAX_EVIDENCE_FILES + 1 },
});

/** The standing committee's desk for joint enforcement inspections (执法检查). */
@ApiTags('joint inspections (people’s congress)')
@Controller('api/congress/joint-inspections')
export class JointInspectionController {
  constructor(
    private readonly inspections: JointInspectionService,
    private readonly reports: InspectionReportService,
  ) {}

  @Post()
  @Access(RULE.congressDesk)
  @ApiOperation({ summary: '制定执法检查计划 / plan an inspection' })
  plan(@Body() dto: PlanInspectionDto, @Caller() caller: CallerInfo) {
    return this.inspections.plan(dto, caller);
  }

  @Get()
  @Access(RULE.inspectionTeam)
  @ApiOperation({ summary: '执法检查列表 / inspections (the bureau and the procuratorate: their own)' })
  list(@Caller() caller: CallerInfo) {
    return this.inspections.list(caller);
  }

  @Get(':id')
  @Access(RULE.inspectionTeam)
  @ApiOperation({ summary: '执法检查详情 / an inspection with its team and findings' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.inspections.get(id, caller);
  }

  @Put(':id/team')
  @Access(RULE.congressDesk)
  @ApiOperation({ summary: '确定检查组成员和行政执法监督员 / assign inspectors and supervisors' })
  team(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: AssignTeamDto) {
    return this.inspections.assignTeam(id, dto);
  }

  @Post(':id/findings')
  @Access(RULE.inspectionTeam)
  @UseInterceptors(UPLOAD)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '现场登记发现的问题（附证据 `files`）/ record a finding on site with evidence' })
  record(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RecordFindingDto,
    @Caller() caller: CallerInfo,
    @UploadedFiles() files: UploadedFileData[] = [],
  ) {
    return this.inspections.recordFinding(id, dto, files, caller);
  }

  @Get(':id/findings/:findingId/evidence/:evidenceId')
  @Access(RULE.inspectionTeam)
  @ApiOperation({ summary: '下载证据材料 / download evidence' })
  async evidence(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('findingId', new ParseUUIDPipe()) findingId: string,
    @Param('evidenceId', new ParseUUIDPipe()) evidenceId: string,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    const file = await this.inspections.evidence(id, findingId, evidenceId, caller);
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', attachmentDisposition(file.filename, 'evidence'));
    res.send(file.content);
  }

  @Post(':id/findings/:findingId/disposition')
  @Access(RULE.congressDesk)
  @ApiOperation({ summary: '问题处理：立案监督、移送线索或责令整改 / dispose of a finding' })
  dispose(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('findingId', new ParseUUIDPipe()) findingId: string,
    @Body() dto: DisposeFindingDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.inspections.dispose(id, findingId, dto, caller);
  }

  @Get(':id/board')
  @Access(RULE.congressDesk)
  @ApiOperation({ summary: '整改台账 / rectification board per agency' })
  board(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.reports.board(id);
  }

  @Post(':id/close')
  @Access(RULE.congressHead)
  @ApiOperation({ summary: '结束执法检查（问题全部办结）/ close the inspection' })
  close(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.inspections.close(id, caller);
  }

  @Get(':id/report')
  @Access(RULE.congressDesk)
  @ApiOperation({ summary: '执法检查报告（PDF）/ the inspection report as PDF' })
  async report(@Param('id', new ParseUUIDPipe()) id: string, @Res() res: Response) {
    const { year, content } = await this.reports.report(id);
    res.setHeader('content-type', 'application/pdf');
    res.setHeader(
      'content-disposition',
      attachmentDisposition(`执法检查报告-${year}.pdf`, `joint-inspection-report-${year}.pdf`),
    );
    res.send(content);
  }
}

/** An inspected agency's desk: its rectification notices and reports. */
@ApiTags('joint inspections (inspected agency)')
@Controller('api/agency/joint-inspections')
export class AgencyInspectionController {
  constructor(private readonly inspections: JointInspectionService) {}

  @Get('findings')
  @Access(RULE.supervisedUnit)
  @ApiOperation({ summary: '本单位的整改通知 / my unit’s rectification notices' })
  list(@Caller() caller: CallerInfo) {
    return this.inspections.agencyFindings(caller);
  }

  @Post('findings/:findingId/rectification')
  @Access(RULE.supervisedUnit)
  @ApiOperation({ summary: '报告整改情况 / report the rectification' })
  rectify(
    @Param('findingId', new ParseUUIDPipe()) findingId: string,
    @Body() dto: RectificationReportDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.inspections.rectify(findingId, dto, caller);
  }
}

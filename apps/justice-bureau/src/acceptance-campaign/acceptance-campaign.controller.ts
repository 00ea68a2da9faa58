import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { attachmentDisposition } from '@oversight/documents';
import { Access, Caller, CallerInfo, RULE, requireOrg } from '@oversight/platform';
import { ACCEPTANCE_DEADLINE_RULES } from './deadline-rules';
import { AcceptanceActionsService } from './acceptance-actions.service';
import { AcceptanceBoardService } from './acceptance-board.service';
import { PASS_SCORE, PLAN_CALENDAR } from './acceptance-calendar';
import { BoardQuery, InspectionDto, StartCampaignDto, SummaryDto } from './acceptance-campaign.dto';
import { AcceptanceCampaignService } from './acceptance-campaign.service';
import { ACCEPTANCE_CHECKLIST } from './acceptance-checklist';
import { AcceptanceEvidenceService } from './acceptance-evidence.service';
import { AcceptanceReportService } from './acceptance-report.service';
import { LEADING_GROUP_OFFICE } from './acceptance-stage.util';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The leading-group office's desk (县司法局): campaigns, the board, the acceptance team, the report. */
@ApiTags('acceptance campaigns (leading-group office)')
@Controller('api/acceptance-campaigns')
export class AcceptanceCampaignController {
  constructor(
    private readonly campaigns: AcceptanceCampaignService,
    private readonly actions: AcceptanceActionsService,
    private readonly board: AcceptanceBoardService,
    private readonly reports: AcceptanceReportService,
    private readonly evidence: AcceptanceEvidenceService,
  ) {}

  @Post()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '启动创建验收 / start a campaign (dates, participants, checklist)' })
  start(@Body() dto: StartCampaignDto, @Caller() caller: CallerInfo) {
    return this.campaigns.start(dto, caller);
  }

  @Get()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '创建验收活动列表 / campaigns' })
  list(@Caller() caller: CallerInfo) {
    return this.campaigns.list(caller);
  }

  @Get('defaults')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '默认日程、验收清单和合格线 / the plan’s calendar, checklist and pass mark' })
  defaults(@Caller() caller: CallerInfo) {
    requireOrg(caller, LEADING_GROUP_OFFICE);
    return {
      calendar: PLAN_CALENDAR,
      checklist: ACCEPTANCE_CHECKLIST,
      passScore: PASS_SCORE,
      rules: ACCEPTANCE_DEADLINE_RULES,
    };
  }

  @Get(':id')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '创建验收活动 / a campaign with its checklist and participants' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.campaigns.get(id, caller);
  }

  @Get(':id/board')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '进度看板 / live board: every unit’s stage, lateness and scores' })
  boardOf(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Query() query: BoardQuery,
    @Caller() caller: CallerInfo,
  ) {
    return this.board.board(id, query, caller);
  }

  @Get(':id/units/:unit')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '单位创建档案 / one unit’s file' })
  async unit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('unit') unitCode: string,
    @Caller() caller: CallerInfo,
  ) {
    const { campaign, unit } = await this.actions.officeContext(id, unitCode, caller);
    return this.board.unitFile(campaign, unit);
  }

  @Get(':id/units/:unit/evidence/:evidenceId')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '下载佐证材料 / download a unit’s evidence' })
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('unit') unitCode: string,
    @Param('evidenceId', new ParseUUIDPipe()) evidenceId: string,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    await this.actions.officeContext(id, unitCode, caller);
    const file = await this.evidence.content(id, unitCode, evidenceId);
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', attachmentDisposition(file.filename, 'evidence'));
    res.send(file.content);
  }

  @Post(':id/units/:unit/inspection')
  @Access(RULE.justiceDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '验收（或复查）评分和结论 / the acceptance team scores and decides' })
  inspect(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('unit') unitCode: string,
    @Body() dto: InspectionDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.actions.inspect(id, unitCode, dto, caller);
  }

  @Post(':id/summary')
  @Access(RULE.justiceDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '评估总结并报省优化办 / summary and report; results go to the annual assessment' })
  summarise(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: SummaryDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.actions.summarise(id, dto, caller);
  }

  @Get(':id/ledger')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '工作台帐（Excel）/ the ledger as xlsx' })
  async ledger(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    const { year, content } = await this.reports.ledger(id, caller);
    res.setHeader('content-type', XLSX);
    res.setHeader(
      'content-disposition',
      attachmentDisposition(`先行区创建验收工作台帐-${year}.xlsx`, `acceptance-ledger-${year}.xlsx`),
    );
    res.send(content);
  }

  @Get(':id/report')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '报省优化办的总结报告（PDF）/ the report to the provincial office as PDF' })
  async report(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    const { year, content } = await this.reports.report(id, caller);
    res.setHeader('content-type', 'application/pdf');
    res.setHeader(
      'content-disposition',
      attachmentDisposition(`先行区创建工作情况报告-${year}.pdf`, `acceptance-report-${year}.pdf`),
    );
    res.send(content);
  }
}

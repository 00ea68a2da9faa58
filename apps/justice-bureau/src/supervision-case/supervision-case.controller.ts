import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { attachmentDisposition } from '@oversight/documents';
import { Access, Caller, CallerInfo, requireOrg, RULE } from '@oversight/platform';
import { SUPERVISION_DEADLINE_RULES } from './deadline-rules';
import { SupervisionActionsService } from './supervision-actions.service';
import {
  FilingDecisionDto,
  HandlingDecisionDto,
  InvestigationDto,
  OpenSupervisionCaseDto,
  RectificationReviewDto,
  SupervisionCaseQuery,
} from './supervision-case.dto';
import { SupervisionCaseService } from './supervision-case.service';
import { SUPERVISION_OFFICE } from './supervision-case.util';
import { SupervisionDocumentService } from './supervision-document.service';

/** The supervision office's desk (县司法局): open, decide, investigate, review, and the case file. */
@ApiTags('supervision cases (justice bureau)')
@Controller('api/supervision-cases')
export class SupervisionCaseController {
  constructor(
    private readonly cases: SupervisionCaseService,
    private readonly actions: SupervisionActionsService,
    private readonly documents: SupervisionDocumentService,
  ) {}

  @Post()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '登记监督检查案件 / open a supervision case' })
  open(@Body() dto: OpenSupervisionCaseDto, @Caller() caller: CallerInfo) {
    return this.cases.open(dto, caller);
  }

  @Get()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '监督检查案件列表 / cases (status, agency, source, overdue)' })
  list(@Query() query: SupervisionCaseQuery, @Caller() caller: CallerInfo) {
    return this.cases.list(query, caller);
  }

  @Get('deadline-rules')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '办理期限规则 / the deadline rules with their basis' })
  rules(@Caller() caller: CallerInfo) {
    requireOrg(caller, SUPERVISION_OFFICE);
    return SUPERVISION_DEADLINE_RULES;
  }

  @Get(':id')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '案卷 / the case file: history, documents, deadlines' })
  file(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.cases.file(id, caller);
  }

  @Post(':id/filing-decision')
  @Access(RULE.justiceHead)
  @HttpCode(202)
  @ApiOperation({ summary: '立案审批 / the head files or dismisses (with reasons)' })
  decideFiling(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: FilingDecisionDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.actions.decideFiling(id, dto, caller);
  }

  @Post(':id/investigation')
  @Access(RULE.justiceDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '调查终结 / findings and proposed handling' })
  investigate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: InvestigationDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.actions.investigate(id, dto, caller);
  }

  @Post(':id/handling-decision')
  @Access(RULE.justiceHead)
  @HttpCode(202)
  @ApiOperation({ summary: '处理审批 / the head approves the proposal or returns it' })
  decideHandling(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: HandlingDecisionDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.actions.decideHandling(id, dto, caller);
  }

  @Post(':id/rectification-review')
  @Access(RULE.justiceDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '整改审查 / accept the rectification (close) or reject it (new round)' })
  review(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RectificationReviewDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.actions.review(id, dto, caller);
  }

  @Get(':id/documents/:kind')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '下载文书（PDF）/ a standard document as PDF' })
  async document(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('kind') kind: string,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    requireOrg(caller, SUPERVISION_OFFICE);
    const c = await this.cases.case(id);
    const { filename, content } = await this.documents.render(c, kind);
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-disposition', attachmentDisposition(filename, `supervision-${kind}.pdf`));
    res.send(content);
  }
}

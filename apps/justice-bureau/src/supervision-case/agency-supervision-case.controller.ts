import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { attachmentDisposition } from '@oversight/documents';
import { Access, Caller, CallerInfo, notFound, RULE } from '@oversight/platform';
import { SupervisionActionsService } from './supervision-actions.service';
import { RectificationReplyDto } from './supervision-case.dto';
import { AGENCY_DOCUMENTS, SupervisionCaseService } from './supervision-case.service';
import { SupervisionDocumentService } from './supervision-document.service';

/** The supervised agency's desk: its cases with a decision, the documents served, its rectification. */
@ApiTags('supervision cases (supervised agency)')
@Controller('api/agency/supervision-cases')
export class AgencySupervisionCaseController {
  constructor(
    private readonly cases: SupervisionCaseService,
    private readonly actions: SupervisionActionsService,
    private readonly documents: SupervisionDocumentService,
  ) {}

  @Get()
  @Access(RULE.supervisedUnit)
  @ApiOperation({ summary: '本单位的监督检查案件 / my organisation’s cases' })
  list(@Caller() caller: CallerInfo) {
    return this.cases.agencyList(caller);
  }

  @Get(':id')
  @Access(RULE.supervisedUnit)
  @ApiOperation({ summary: '案件、送达文书和整改轮次 / a case, the documents served and the rounds' })
  file(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.cases.agencyFile(id, caller);
  }

  @Post(':id/rectification')
  @Access(RULE.supervisedUnit)
  @HttpCode(202)
  @ApiOperation({ summary: '报送整改情况 / submit the rectification and reply' })
  reply(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RectificationReplyDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.actions.reply(id, dto, caller);
  }

  @Get(':id/documents/:kind')
  @Access(RULE.supervisedUnit)
  @ApiOperation({ summary: '下载送达文书（PDF）/ a document served on the agency' })
  async document(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('kind') kind: string,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    const c = await this.cases.agencyCase(id, caller);
    if (!AGENCY_DOCUMENTS.includes(kind)) throw notFound({ zh: '送达文书', en: 'Served document' }, kind);
    const { filename, content } = await this.documents.render(c, kind);
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-disposition', attachmentDisposition(filename, `supervision-${kind}.pdf`));
    res.send(content);
  }
}

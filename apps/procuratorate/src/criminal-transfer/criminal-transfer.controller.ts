import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { attachmentDisposition } from '@oversight/documents';
import { Access, Caller, CallerInfo, RULE } from '@oversight/platform';
import {
  AgencyResponseDto,
  DocumentDto,
  FilingDecisionDto,
  HeadDecisionDto,
  NoteDto,
  PoliceReasonsDto,
  ReasonsAssessmentDto,
  ReceiptDto,
  ReconsiderationDecisionDto,
  RegisterTransferDto,
  SupervisionReviewDto,
  TransferListQuery,
} from './criminal-transfer.dto';
import { CriminalTransferService, MAX_DOCUMENT_BYTES, UploadedFileData } from './criminal-transfer.service';

type Id = string;
const uuid = () => new ParseUUIDPipe();

/**
 * Criminal-case transfers (两法衔接) for the three parties: the agency (its org code), the police (`gaj`,
 * or the organ a case was forwarded to) and the procuratorate (`jcy`), each by the caller's org header.
 */
@ApiTags('criminal-case transfers (agency → police, procuratorate supervision)')
@Controller('api/criminal-transfers')
export class CriminalTransferController {
  constructor(private readonly transfers: CriminalTransferService) {}

  @Post()
  @Access(RULE.supervisedUnit)
  @ApiOperation({ summary: '执法机关登记涉嫌犯罪案件（专案组、移送报告）/ agency registers a case' })
  register(@Body() dto: RegisterTransferDto, @Caller() caller: CallerInfo) {
    return this.transfers.register(dto, caller);
  }

  @Get()
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '移送案件列表（检察院可见全部）/ list transfers' })
  list(@Query() query: TransferListQuery, @Caller() caller: CallerInfo) {
    return this.transfers.list(query, caller);
  }

  @Get(':id')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '移送案件详情与时限 / a transfer with its clock' })
  get(@Param('id', uuid()) id: Id, @Caller() caller: CallerInfo) {
    return this.transfers.get(id, caller);
  }

  @Post(':id/documents')
  @Access(RULE.anyUnitDesk)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES + 1, files: 1 } }))
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '上传移送材料 / upload a document of the package' })
  addDocument(
    @Param('id', uuid()) id: Id,
    @Body() dto: DocumentDto,
    @Caller() caller: CallerInfo,
    @UploadedFile() file?: UploadedFileData,
  ) {
    return this.transfers.addDocument(id, dto.kind, file, caller);
  }

  @Get(':id/documents/:documentId')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '下载移送材料 / download a document' })
  async download(
    @Param('id', uuid()) id: Id,
    @Param('documentId', uuid()) documentId: Id,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    const file = await this.transfers.documentFile(id, documentId, caller);
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', attachmentDisposition(file.filename, 'document'));
    res.send(file.content);
  }

  @Post(':id/head-decision')
  @Access(RULE.anyUnitDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '负责人批准或不批准移送（3日内）/ the head decides' })
  headDecision(@Param('id', uuid()) id: Id, @Body() dto: HeadDecisionDto, @Caller() caller: CallerInfo) {
    return this.transfers.headDecision(id, dto, caller);
  }

  @Post(':id/transfer')
  @Access(RULE.anyUnitDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '向公安机关移送（24小时内，材料不全422）/ transfer to the police' })
  transfer(@Param('id', uuid()) id: Id, @Caller() caller: CallerInfo) {
    return this.transfers.transfer(id, caller);
  }

  @Post(':id/receipt')
  @Access(RULE.anyUnitDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '公安机关签收或移送管辖（24小时内）/ police sign or forward' })
  receipt(@Param('id', uuid()) id: Id, @Body() dto: ReceiptDto, @Caller() caller: CallerInfo) {
    return this.transfers.receipt(id, dto, caller);
  }

  @Post(':id/filing-decision')
  @Access(RULE.anyUnitDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '立案或不予立案（3日内）/ police decide on filing' })
  filing(@Param('id', uuid()) id: Id, @Body() dto: FilingDecisionDto, @Caller() caller: CallerInfo) {
    return this.transfers.filingDecision(id, dto, caller);
  }

  @Post(':id/exhibits')
  @Access(RULE.anyUnitDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '移交涉案物品（立案后3日内）/ agency hands over exhibits' })
  exhibits(@Param('id', uuid()) id: Id, @Body() dto: NoteDto, @Caller() caller: CallerInfo) {
    return this.transfers.exhibits(id, dto, caller);
  }

  @Post(':id/agency-response')
  @Access(RULE.anyUnitDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '不予立案后：提请复议、建议立案监督或行政处理 / agency responds' })
  agencyResponse(@Param('id', uuid()) id: Id, @Body() dto: AgencyResponseDto, @Caller() caller: CallerInfo) {
    return this.transfers.agencyResponse(id, dto, caller);
  }

  @Post(':id/reconsideration-decision')
  @Access(RULE.anyUnitDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '复议决定（3日内）/ police decide the reconsideration' })
  reconsideration(
    @Param('id', uuid()) id: Id,
    @Body() dto: ReconsiderationDecisionDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.transfers.reconsiderationDecision(id, dto, caller);
  }

  @Post(':id/supervision-review')
  @Access(RULE.anyUnitDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '检察院审查立案监督建议 / procuratorate reviews the proposal' })
  supervisionReview(
    @Param('id', uuid()) id: Id,
    @Body() dto: SupervisionReviewDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.transfers.supervisionReview(id, dto, caller);
  }

  @Post(':id/police-reasons')
  @Access(RULE.anyUnitDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '公安机关说明不立案理由（7日内）/ police explain' })
  policeReasons(@Param('id', uuid()) id: Id, @Body() dto: PoliceReasonsDto, @Caller() caller: CallerInfo) {
    return this.transfers.policeReasons(id, dto, caller);
  }

  @Post(':id/reasons-assessment')
  @Access(RULE.anyUnitDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '检察院审查理由：通知立案或理由成立 / procuratorate assesses' })
  assessment(@Param('id', uuid()) id: Id, @Body() dto: ReasonsAssessmentDto, @Caller() caller: CallerInfo) {
    return this.transfers.reasonsAssessment(id, dto, caller);
  }

  @Post(':id/case-opened')
  @Access(RULE.anyUnitDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '公安机关依通知立案（15日内）/ police open the case' })
  caseOpened(@Param('id', uuid()) id: Id, @Body() dto: NoteDto, @Caller() caller: CallerInfo) {
    return this.transfers.caseOpened(id, dto, caller);
  }
}

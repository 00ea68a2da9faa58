import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { attachmentDisposition } from '@oversight/documents';
import { Access, Caller, CallerInfo, RULE, requireOrg, UploadedFileData } from '@oversight/platform';
import { DEFAULT_REVIEW_STANDARD } from './case-file-review-standard';
import { CaseFileReviewResultsService } from './case-file-review-results.service';
import {
  AssignReviewerDto,
  DrawFileDto,
  OpenRoundDto,
  PublishGuidingCaseDto,
  ScoreFileDto,
} from './case-file-review.dto';
import { CaseFileReviewService, MAX_CASE_FILE_BYTES, REVIEW_OFFICE } from './case-file-review.service';
import { GuidingCaseService } from './guiding-case.service';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CASE_FILE_UPLOAD = FileInterceptor('file', {
  limits: { fileSize: MAX_CASE_FILE_BYTES + 1, files: 1 },
});

/** The justice bureau's desk for case-file review (案卷评查); reviewers of other agencies score here too. */
@ApiTags('case-file review')
@Controller('api/case-file-reviews')
export class CaseFileReviewController {
  constructor(
    private readonly reviews: CaseFileReviewService,
    private readonly results: CaseFileReviewResultsService,
    private readonly guidingCases: GuidingCaseService,
  ) {}

  @Get('standard')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '默认评查标准 / the county’s default scoring standard' })
  standard(@Caller() caller: CallerInfo) {
    requireOrg(caller, REVIEW_OFFICE);
    return DEFAULT_REVIEW_STANDARD;
  }

  @Post()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '启动评查 / open a review round (annual, cross, third-party)' })
  open(@Body() dto: OpenRoundDto, @Caller() caller: CallerInfo) {
    return this.reviews.open(dto, caller);
  }

  @Get()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '评查活动列表 / review rounds' })
  list(@Caller() caller: CallerInfo) {
    return this.reviews.list(caller);
  }

  @Get(':id')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '评查活动 / a round with its files, reviewers and scores' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.reviews.get(id, caller);
  }

  @Post(':id/files')
  @Access(RULE.justiceDesk)
  @UseInterceptors(CASE_FILE_UPLOAD)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '抽取案卷 / the office draws an agency’s file (PDF)' })
  draw(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: DrawFileDto,
    @Caller() caller: CallerInfo,
    @UploadedFile() file?: UploadedFileData,
  ) {
    return this.reviews.drawFile(id, dto, file, caller);
  }

  @Get(':id/files/:fileId/content')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '下载案卷 / the file’s PDF (office, its agency, its reviewers)' })
  async content(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('fileId', new ParseUUIDPipe()) fileId: string,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    const file = await this.reviews.fileContent(id, fileId, caller);
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', attachmentDisposition(file.filename, 'case-file.pdf'));
    res.send(file.content);
  }

  @Post(':id/reviewers')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '指定评查人并分配案卷 / assign a reviewer to files' })
  assign(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: AssignReviewerDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.reviews.assignReviewer(id, dto, caller);
  }

  @Post(':id/files/:fileId/scores')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '逐项评分 / a reviewer scores a file, item by item' })
  score(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('fileId', new ParseUUIDPipe()) fileId: string,
    @Body() dto: ScoreFileDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.reviews.score(id, fileId, dto, caller);
  }

  @Post(':id/close')
  @Access(RULE.justiceDesk)
  @HttpCode(200)
  @ApiOperation({ summary: '结束评查 / close: results, assessment input, supervision of failing files' })
  close(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.results.close(id, caller);
  }

  @Get(':id/results')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '评查结果 / per-agency results' })
  resultsOf(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.results.resultsOf(id, caller);
  }

  @Get(':id/ledger')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '评查台帐（Excel）/ the ledger as xlsx' })
  async ledger(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    const { year, content } = await this.results.ledger(id, caller);
    res.setHeader('content-type', XLSX);
    res.setHeader(
      'content-disposition',
      attachmentDisposition(`行政执法案卷评查台帐-${year}.xlsx`, `case-file-review-${year}.xlsx`),
    );
    res.send(content);
  }

  @Get(':id/report')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '评查情况报告（PDF）/ the round’s report as PDF' })
  async report(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    const { year, content } = await this.results.report(id, caller);
    res.setHeader('content-type', 'application/pdf');
    res.setHeader(
      'content-disposition',
      attachmentDisposition(`行政执法案卷评查情况报告-${year}.pdf`, `case-file-review-${year}.pdf`),
    );
    res.send(content);
  }

  @Post(':id/files/:fileId/guiding-case')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '发布为指导案例 / publish a reviewed file as a guiding case' })
  publish(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('fileId', new ParseUUIDPipe()) fileId: string,
    @Body() dto: PublishGuidingCaseDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.guidingCases.publish(id, fileId, dto, caller);
  }
}

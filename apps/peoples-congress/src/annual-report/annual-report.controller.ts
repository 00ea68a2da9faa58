import {
  Body,
  Controller,
  Get,
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
import { Access, Caller, CallerInfo, RULE, UploadedFileData } from '@oversight/platform';
import { DeliberationDto, DeliberationReplyDto, SubmitAnnualReportDto } from './annual-report.dto';
import { AnnualReportService, MAX_REPORT_BYTES } from './annual-report.service';

const UPLOAD = FileInterceptor('file', { limits: { fileSize: MAX_REPORT_BYTES + 1, files: 1 } });

/** 年度行政执法工作报告 / 法治政府建设情况报告: the bureau submits, the standing committee deliberates. */
@ApiTags('annual reports (people’s congress)')
@Controller('api/congress/annual-reports')
export class AnnualReportController {
  constructor(private readonly reports: AnnualReportService) {}

  @Post()
  @Access(RULE.justiceDesk)
  @UseInterceptors(UPLOAD)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '司法局报送年度报告（PDF `file`）/ the bureau submits its annual report' })
  submit(
    @Body() dto: SubmitAnnualReportDto,
    @Caller() caller: CallerInfo,
    @UploadedFile() file: UploadedFileData | undefined,
  ) {
    return this.reports.submit(dto, file, caller);
  }

  @Get()
  @Access(RULE.congressDesk, RULE.justiceDesk)
  @ApiOperation({ summary: '年度报告列表 / annual reports' })
  list() {
    return this.reports.list();
  }

  @Get(':id')
  @Access(RULE.congressDesk, RULE.justiceDesk)
  @ApiOperation({ summary: '年度报告、审议意见和答复 / a report with its opinions and reply' })
  get(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.reports.get(id);
  }

  @Get(':id/file')
  @Access(RULE.congressDesk, RULE.justiceDesk)
  @ApiOperation({ summary: '下载报告文件 / download the report' })
  async download(@Param('id', new ParseUUIDPipe()) id: string, @Res() res: Response) {
    const r = await this.reports.file(id);
    res.setHeader('content-type', r.contentType);
    res.setHeader('content-disposition', attachmentDisposition(r.filename, `annual-report-${r.year}.pdf`));
    res.send(r.content);
  }

  @Post(':id/deliberation')
  @Access(RULE.congressHead)
  @ApiOperation({ summary: '常委会审议意见及答复期限 / record the deliberation opinions' })
  deliberate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: DeliberationDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.reports.deliberate(id, dto, caller);
  }

  @Post(':id/reply')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '司法局报告研究处理情况 / the bureau replies' })
  reply(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: DeliberationReplyDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.reports.reply(id, dto, caller);
  }
}

import {
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Param,
  ParseIntPipe,
  Post,
  Query,
  Res,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { attachmentDisposition, CONTENT_TYPE } from '@oversight/documents';
import { Public, badRequest } from '@oversight/platform';
import { AnnualReportService } from './annual-report.service';
import { UploadedFileData } from './attachment.service';
import { AppealRequestDto, RatingDto } from './complaint-actions.dto';
import { ComplaintStatisticsService, StatisticsQuery } from './complaint-statistics.service';
import { UPLOAD } from './complaint.controller';
import { ComplaintService } from './complaint.service';
import { PUBLIC_FORM_PAGE } from './public-form.page';
import { PublicComplaintService } from './public-complaint.service';
import { ComplaintReceipt, RegisterComplaintDto, STAFF_CHANNELS } from './register-complaint.dto';

/** No login: filing, tracking-code lookup, rating, appeals, and the published figures. */
@ApiTags('public')
@Controller()
export class PublicComplaintController {
  constructor(
    private readonly complaints: ComplaintService,
    private readonly publicComplaints: PublicComplaintService,
    private readonly statistics: ComplaintStatisticsService,
    private readonly reports: AnnualReportService,
  ) {}

  @Get('public/complaint')
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @ApiOperation({ summary: '投诉举报网页表单 / the public complaint form' })
  form(): string {
    return PUBLIC_FORM_PAGE;
  }

  @Post('api/public/complaints')
  @Public()
  @UseInterceptors(UPLOAD)
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiOperation({ summary: '网上投诉举报（可匿名，可附材料）/ file a complaint, named or anonymous' })
  file(
    @Body() dto: RegisterComplaintDto,
    @UploadedFiles() files: UploadedFileData[] = [],
  ): Promise<ComplaintReceipt> {
    if (STAFF_CHANNELS.includes(dto.channel)) {
      throw badRequest({
        zh: '该渠道的投诉由工作人员登记。',
        en: 'Complaints from this channel are registered by staff.',
      });
    }
    return this.complaints.register({ ...dto, channel: dto.channel === 'api' ? 'api' : 'web' }, files);
  }

  @Get('api/public/complaints/:code')
  @Public()
  @ApiOperation({ summary: '凭查询码查询办理进度和答复 / status and reply by tracking code' })
  lookup(@Param('code') code: string) {
    return this.publicComplaints.lookup(code);
  }

  @Post('api/public/complaints/:code/rating')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: '满意度评价 / rate the handling' })
  rate(@Param('code') code: string, @Body() dto: RatingDto) {
    return this.publicComplaints.rate(code, dto);
  }

  @Post('api/public/complaints/:code/appeals')
  @Public()
  @HttpCode(202)
  @ApiOperation({ summary: '申请复查或复核 / request a review (复查) or recheck (复核)' })
  appeal(@Param('code') code: string, @Body() dto: AppealRequestDto) {
    return this.publicComplaints.appeal(code, dto.reason);
  }

  @Get('api/public/complaint-statistics')
  @Public()
  @ApiOperation({ summary: '投诉举报公开统计 / public statistics by period, agency and category' })
  stats(@Query() query: StatisticsQuery) {
    return this.statistics.statistics(query);
  }

  @Get('api/public/complaint-annual-reports/:year')
  @Public()
  @ApiOperation({ summary: '年度报告（json/xlsx/pdf）/ annual report as data, Excel or PDF' })
  async annual(
    @Param('year', new ParseIntPipe()) year: number,
    @Query('format') format: string | undefined,
    @Res() res: Response,
  ) {
    if (year < 2000 || year > 2100) {
      throw badRequest({ zh: '年份不正确。', en: 'Invalid year.' });
    }
    if (format === 'xlsx' || format === 'pdf') {
      const body = format === 'xlsx' ? await this.reports.xlsx(year) : await this.reports.pdf(year);
      res.setHeader('content-type', CONTENT_TYPE[format]);
      res.setHeader(
        'content-disposition',
        attachmentDisposition(`${year}年度投诉举报工作报告.${format}`, `complaint-report-${year}.${format}`),
      );
      res.send(body);
      return;
    }
    if (format !== undefined && format !== 'json') {
      throw badRequest({ zh: '格式须为 json、xlsx 或 pdf。', en: 'format must be json, xlsx or pdf.' });
    }
    res.json(await this.reports.data(year));
  }
}

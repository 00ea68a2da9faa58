import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Patch,
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
import { MAX_ATTACHMENT_BYTES, UploadedFileData } from '../complaint/attachment.service';
import {
  ClueReferralContentDto,
  ClueReferralListQuery,
  CreateClueReferralDto,
  EvidenceItemDto,
  ReferralApprovalDto,
} from './clue-referral.dto';
import { ClueReferralService } from '@oversight/clue-referral';

/** The justice bureau's outgoing problem-clue referrals to the discipline commission. */
@ApiTags('clue referrals (justice bureau → discipline commission)')
@Controller('api/clue-referrals')
export class ClueReferralController {
  constructor(private readonly referrals: ClueReferralService) {}

  @Post()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '起草问题线索移送函 / draft a referral' })
  create(@Body() dto: CreateClueReferralDto, @Caller() caller: CallerInfo) {
    return this.referrals.create(dto, caller);
  }

  @Get()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '移送的问题线索（反馈逾期优先）/ referrals, overdue feedback first' })
  list(@Query() query: ClueReferralListQuery, @Caller() caller: CallerInfo) {
    return this.referrals.list(query, caller);
  }

  @Get(':id')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '移送函及回执、办理情况、处置结果 / a referral with its feedback' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.referrals.get(id, caller);
  }

  @Patch(':id')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '修改草稿 / edit the draft' })
  update(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ClueReferralContentDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.referrals.update(id, dto, caller);
  }

  @Post(':id/evidence')
  @Access(RULE.justiceDesk)
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: 1 } }))
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiOperation({ summary: '添加证据材料（可附文件）/ add an evidence item, optionally with its file' })
  evidence(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: EvidenceItemDto,
    @Caller() caller: CallerInfo,
    @UploadedFile() file?: UploadedFileData,
  ) {
    return this.referrals.addEvidence(id, dto, file, caller);
  }

  @Get(':id/evidence/:evidenceId')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '下载证据材料文件 / download an evidence file' })
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('evidenceId', new ParseUUIDPipe()) evidenceId: string,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    const file = await this.referrals.evidenceFile(id, evidenceId, caller);
    res.setHeader('content-type', file.contentType ?? 'application/octet-stream');
    res.setHeader('content-disposition', attachmentDisposition(file.filename ?? 'evidence', 'evidence'));
    res.send(file.content);
  }

  @Post(':id/submission')
  @Access(RULE.justiceDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '提交负责人审批 / submit for approval (422 when incomplete)' })
  submit(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.referrals.submit(id, caller);
  }

  @Post(':id/approval')
  @Access(RULE.justiceHead)
  @HttpCode(202)
  @ApiOperation({ summary: '负责人审批（批准即移送）/ the head approves (and it is sent) or returns it' })
  approve(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ReferralApprovalDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.referrals.approve(id, dto, caller);
  }
}

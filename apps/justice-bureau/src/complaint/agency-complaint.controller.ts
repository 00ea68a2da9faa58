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
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { attachmentDisposition } from '@oversight/documents';
import { Access, Caller, CallerInfo, RULE, forbidden } from '@oversight/platform';
import { AttachmentService, UploadedFileData } from './attachment.service';
import { DraftReplyDto, ExtensionRequestDto, ObjectionDto } from './complaint-actions.dto';
import { ComplaintActionsService } from './complaint-actions.service';
import { ComplaintListQuery, ComplaintQueryService } from './complaint-query.service';
import { UPLOAD } from './complaint.controller';

function agencyOf(caller: CallerInfo): string {
  if (!caller.org) throw forbidden({ zh: '请以承办单位身份登录。', en: 'Sign in as a member of an agency.' });
  return caller.org;
}

/** The handling agency's desk: only complaints assigned to the caller's organisation exist here. */
@ApiTags('complaints (handling agency)')
@Controller('api/agency/complaints')
export class AgencyComplaintController {
  constructor(
    private readonly query: ComplaintQueryService,
    private readonly actions: ComplaintActionsService,
    private readonly attachments: AttachmentService,
  ) {}

  @Get()
  @Access(RULE.supervisedUnit)
  @ApiOperation({ summary: '交办给本单位的投诉 / complaints assigned to my organisation' })
  list(@Query() query: ComplaintListQuery, @Caller() caller: CallerInfo) {
    return this.query.list({ ...query, agencyOrg: undefined }, { agencyOrg: agencyOf(caller) });
  }

  @Get(':id')
  @Access(RULE.supervisedUnit)
  @ApiOperation({ summary: '投诉详情（承办单位视图，不含投诉人身份）/ a complaint, agency view' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.query.agencyView(id, agencyOf(caller));
  }

  @Post(':id/objection')
  @Access(RULE.supervisedUnit)
  @HttpCode(202)
  @ApiOperation({ summary: '对交办提出异议 / object to a wrong assignment' })
  object(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ObjectionDto,
    @Caller() caller: CallerInfo,
  ) {
    agencyOf(caller);
    return this.actions.object(id, dto, caller);
  }

  @Post(':id/evidence')
  @Access(RULE.supervisedUnit)
  @UseInterceptors(UPLOAD)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '上传证据材料 / upload evidence' })
  evidence(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Caller() caller: CallerInfo,
    @UploadedFiles() files: UploadedFileData[] = [],
  ) {
    agencyOf(caller);
    return this.actions.uploadEvidence(id, files, caller);
  }

  @Get(':id/evidence/:attachmentId')
  @Access(RULE.supervisedUnit)
  @ApiOperation({ summary: '下载证据材料 / download evidence' })
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('attachmentId', new ParseUUIDPipe()) attachmentId: string,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    await this.query.complaint({ id, agencyOrg: agencyOf(caller) });
    const file = await this.attachments.content(id, attachmentId, ['evidence']);
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', attachmentDisposition(file.filename, 'evidence'));
    res.send(file.content);
  }

  @Post(':id/draft-reply')
  @Access(RULE.supervisedUnit)
  @HttpCode(202)
  @ApiOperation({ summary: '提交调查情况和答复草稿 / submit findings and draft reply' })
  draft(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: DraftReplyDto,
    @Caller() caller: CallerInfo,
  ) {
    agencyOf(caller);
    return this.actions.submitDraft(id, dto, caller);
  }

  @Post(':id/extension-requests')
  @Access(RULE.supervisedUnit)
  @HttpCode(202)
  @ApiOperation({ summary: '申请延期 / request an extension' })
  extension(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ExtensionRequestDto,
    @Caller() caller: CallerInfo,
  ) {
    agencyOf(caller);
    return this.actions.requestExtension(id, dto, caller);
  }
}

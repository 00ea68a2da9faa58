import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Caller, CallerInfo, RULE, requireOrg } from '@oversight/platform';
import { MAX_ATTACHMENT_BYTES, MAX_ATTACHMENTS, UploadedFileData } from './attachment.service';
import { ComplainantIdentityService } from './complainant-identity.service';
import {
  AcceptanceDto,
  AppealDecisionDto,
  AssignmentDto,
  ExtensionDecisionDto,
  ExtensionRequestDto,
  FollowUpDto,
  IdentityReadDto,
  ReplyDto,
  ReviewDto,
} from './complaint-actions.dto';
import { ComplaintActionsService, JUSTICE_BUREAU } from './complaint-actions.service';
import { ComplaintListQuery, ComplaintQueryService } from './complaint-query.service';
import { ComplaintService } from './complaint.service';
import { ComplaintReceipt, RegisterComplaintDto } from './register-complaint.dto';

export const UPLOAD = FilesInterceptor('attachments', MAX_ATTACHMENTS + 1, {
  limits: { fileSize: MAX_ATTACHMENT_BYTES + 1, files: MAX_ATTACHMENTS + 1 },
});

/** The justice bureau's desk: registering, deciding, assigning, reviewing, replying, following up. */
@ApiTags('complaints (justice bureau)')
@Controller('api/complaints')
export class ComplaintController {
  constructor(
    private readonly complaints: ComplaintService,
    private readonly query: ComplaintQueryService,
    private readonly actions: ComplaintActionsService,
    private readonly identity: ComplainantIdentityService,
  ) {}

  @Post()
  @Access(RULE.justiceDesk)
  @UseInterceptors(UPLOAD)
  @ApiConsumes('application/json', 'multipart/form-data')
  @ApiOperation({ summary: '登记投诉（电话、12345转办等）/ register a complaint taken by staff' })
  register(
    @Body() dto: RegisterComplaintDto,
    @Caller() caller: CallerInfo,
    @UploadedFiles() files: UploadedFileData[] = [],
  ): Promise<ComplaintReceipt> {
    requireOrg(caller, JUSTICE_BUREAU);
    return this.complaints.register(dto, files);
  }

  @Get()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '投诉列表（逾期优先）/ complaints, overdue first' })
  list(@Query() query: ComplaintListQuery, @Caller() caller: CallerInfo) {
    requireOrg(caller, JUSTICE_BUREAU);
    return this.query.list(query);
  }

  @Get(':id')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '投诉详情（不含投诉人身份）/ a complaint, without the complainant’s identity' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    requireOrg(caller, JUSTICE_BUREAU);
    return this.query.staffView(id, caller);
  }

  @Post(':id/complainant')
  @Access(RULE.justiceIdentity)
  @HttpCode(200)
  @ApiOperation({ summary: '查阅投诉人身份（记录查阅）/ read the identity; the read is logged' })
  complainant(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: IdentityReadDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.identity.read(id, dto.purpose, caller);
  }

  @Get(':id/complainant-access-log')
  @Access(RULE.justiceHead, RULE.justiceAdmin)
  @ApiOperation({ summary: '身份信息查阅记录 / who read the identity' })
  accessLog(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.identity.accessLog(id, caller);
  }

  @Post(':id/acceptance')
  @Access(RULE.justiceDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '受理决定 / decide acceptance' })
  accept(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: AcceptanceDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.actions.decideAcceptance(id, dto, caller);
  }

  @Post(':id/assignment')
  @Access(RULE.justiceDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '交办承办单位 / assign to the responsible agency' })
  assign(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: AssignmentDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.actions.assign(id, dto, caller);
  }

  @Post(':id/review')
  @Access(RULE.justiceReview)
  @HttpCode(202)
  @ApiOperation({ summary: '审核答复草稿 / review the agency’s draft reply' })
  review(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ReviewDto, @Caller() caller: CallerInfo) {
    return this.actions.review(id, dto, caller);
  }

  @Post(':id/reply')
  @Access(RULE.justiceDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '答复投诉人 / reply to the complainant' })
  reply(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: ReplyDto, @Caller() caller: CallerInfo) {
    return this.actions.reply(id, dto, caller);
  }

  @Post(':id/follow-up')
  @Access(RULE.justiceDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '记录回访 / record the follow-up visit' })
  followUp(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: FollowUpDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.actions.followUp(id, dto, caller);
  }

  @Post(':id/extension-requests')
  @Access(RULE.justiceDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '申请延期 / request an extension of the handling limit' })
  requestExtension(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ExtensionRequestDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.actions.requestExtension(id, dto, caller);
  }

  @Post(':id/extension-requests/:requestId/decision')
  @Access(RULE.justiceHead)
  @HttpCode(202)
  @ApiOperation({ summary: '负责人审批延期 / the head decides an extension' })
  decideExtension(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('requestId', new ParseUUIDPipe()) requestId: string,
    @Body() dto: ExtensionDecisionDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.actions.decideExtension(id, requestId, dto, caller);
  }

  @Post(':id/appeals/:stage/decision')
  @Access(RULE.justiceHead)
  @HttpCode(202)
  @ApiOperation({ summary: '复查/复核意见 / decide a review (复查) or recheck (复核)' })
  decideAppeal(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('stage') stage: string,
    @Body() dto: AppealDecisionDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.actions.decideAppeal(id, stage === 'recheck' ? 'recheck' : 'review', dto, caller);
  }
}

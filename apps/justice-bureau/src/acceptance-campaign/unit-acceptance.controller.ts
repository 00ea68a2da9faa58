import {
  Body,
  Controller,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
  UploadedFiles,
  UseInterceptors,
} from '@nestjs/common';
import { FilesInterceptor } from '@nestjs/platform-express';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { attachmentDisposition } from '@oversight/documents';
import { Access, Caller, CallerInfo, RULE, forbidden } from '@oversight/platform';
import { AcceptanceActionsService } from './acceptance-actions.service';
import { AcceptanceBoardService } from './acceptance-board.service';
import { AcceptanceUnitEntity } from './acceptance-campaign.entity';
import {
  EvidenceUploadDto,
  ProgressDto,
  RectificationDto,
  SelfCheckDto,
  WorkPlanDto,
} from './acceptance-campaign.dto';
import { AcceptanceCampaignService } from './acceptance-campaign.service';
import {
  AcceptanceEvidenceService,
  MAX_EVIDENCE_BYTES,
  MAX_EVIDENCE_FILES,
  UploadedEvidence,
} from './acceptance-evidence.service';

const UPLOAD = FilesInterceptor('files', MAX_EVIDENCE_FILES + 1, {
  limits: { fileSize: MAX_EVIDENCE_BYTES + 1, files: MAX_EVIDENCE_FILES + 1 },
});

/** A participating unit's desk: only campaigns the caller's organisation takes part in exist here. */
@ApiTags('acceptance campaigns (participating unit)')
@Controller('api/agency/acceptance-campaigns')
export class UnitAcceptanceController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly campaigns: AcceptanceCampaignService,
    private readonly actions: AcceptanceActionsService,
    private readonly board: AcceptanceBoardService,
    private readonly evidence: AcceptanceEvidenceService,
  ) {}

  @Get()
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '本单位参加的创建验收 / campaigns my unit takes part in' })
  async list(@Caller() caller: CallerInfo) {
    if (!caller.org)
      throw forbidden({ zh: '请以参加单位身份登录。', en: 'Sign in as a member of a participating unit.' });
    const units = await this.dataSource.getRepository(AcceptanceUnitEntity).findBy({ unitCode: caller.org });
    return Promise.all(
      units.map(async (u) => ({
        ...this.campaigns.summaryView(await this.campaigns.campaign(u.campaignId)),
        unit: this.board.row(u),
      })),
    );
  }

  @Get(':id')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '本单位创建档案、适用的验收清单和所处阶段 / my unit’s file and checklist' })
  async get(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    const { campaign, unit } = await this.actions.unitContext(id, caller);
    return this.board.unitFile(campaign, unit);
  }

  @Post(':id/evidence')
  @Access(RULE.anyUnitDesk)
  @UseInterceptors(UPLOAD)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '上传佐证材料 / upload evidence (field `files`, optional `itemCode`)' })
  upload(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: EvidenceUploadDto,
    @Caller() caller: CallerInfo,
    @UploadedFiles() files: UploadedEvidence[] = [],
  ) {
    return this.actions.uploadEvidence(id, dto.itemCode, files, caller);
  }

  @Get(':id/evidence/:evidenceId')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '下载本单位佐证材料 / download my evidence' })
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('evidenceId', new ParseUUIDPipe()) evidenceId: string,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    const { unit } = await this.actions.unitContext(id, caller);
    const file = await this.evidence.content(id, unit.unitCode, evidenceId);
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', attachmentDisposition(file.filename, 'evidence'));
    res.send(file.content);
  }

  @Post(':id/work-plan')
  @Access(RULE.anyUnitDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '报送工作方案 / submit the work plan' })
  workPlan(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: WorkPlanDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.actions.submitWorkPlan(id, dto, caller);
  }

  @Post(':id/progress')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '记录创建进展（附佐证材料）/ record progress with evidence' })
  progress(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ProgressDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.actions.recordProgress(id, dto, caller);
  }

  @Post(':id/self-check')
  @Access(RULE.anyUnitDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '提交自查结果（逐项得分和佐证）/ submit the self-check' })
  selfCheck(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: SelfCheckDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.actions.submitSelfCheck(id, dto, caller);
  }

  @Post(':id/rectification')
  @Access(RULE.anyUnitDesk)
  @HttpCode(202)
  @ApiOperation({ summary: '提交整改报告 / report the rectification' })
  rectification(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RectificationDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.actions.submitRectification(id, dto, caller);
  }
}

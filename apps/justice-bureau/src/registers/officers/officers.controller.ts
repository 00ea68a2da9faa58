import {
  Body,
  Controller,
  Get,
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
import { attachmentDisposition, CONTENT_TYPE, renderXlsx } from '@oversight/documents';
import { Access, Caller, CallerInfo, RULE, UploadedFileData } from '@oversight/platform';
import {
  CertificateDecisionDto,
  CertificateQuery,
  DepartureDto,
  IssueCertificateDto,
  PeopleQuery,
  RegisterPersonDto,
  ReviewDecisionDto,
  ReviewQuery,
  RevokeCertificateDto,
} from './officers.dto';
import { MAX_PROOF_BYTES, OfficersService } from './officers.service';

const UPLOAD = FileInterceptor('file', { limits: { fileSize: MAX_PROOF_BYTES + 1, files: 1 } });

/** 执法人员、辅助人员: each organisation registers its own; the bureau sees all. */
@ApiTags('registers: enforcement people')
@Controller('api/registers/people')
export class EnforcementPeopleController {
  constructor(private readonly officers: OfficersService) {}

  @Get()
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '执法人员和辅助人员名册 / people in enforcement' })
  list(@Query() query: PeopleQuery, @Caller() caller: CallerInfo) {
    return this.officers.people(query, caller);
  }

  @Post()
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '登记执法人员或辅助人员 / register a person' })
  register(@Body() dto: RegisterPersonDto, @Caller() caller: CallerInfo) {
    return this.officers.register(dto, caller);
  }

  @Get(':id')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '人员档案 / one person' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.officers.person(id, caller);
  }

  @Post(':id/staffing-proof')
  @Access(RULE.anyUnitDesk)
  @UseInterceptors(UPLOAD)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '上传编制证明文件（字段 file）/ upload the staffing proof' })
  proof(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Caller() caller: CallerInfo,
    @UploadedFile() file?: UploadedFileData,
  ) {
    return this.officers.uploadProof(id, file, caller);
  }

  @Get(':id/staffing-proof/:proofId')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '下载编制证明文件 / download the staffing proof' })
  async download(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Param('proofId', new ParseUUIDPipe()) proofId: string,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    const file = await this.officers.proofContent(id, proofId, caller);
    res.setHeader('content-type', file.contentType);
    res.setHeader('content-disposition', attachmentDisposition(file.filename, 'staffing-proof'));
    res.send(file.content);
  }

  @Post(':id/departure')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '登记离岗 / record that the person left' })
  depart(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: DepartureDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.officers.depart(id, dto.leftOn, caller);
  }

  @Post(':id/certificate')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '核发行政执法证（须在编执法人员且有编制证明）/ issue the certificate' })
  issue(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: IssueCertificateDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.officers.issue(id, dto, caller);
  }
}

/** The certificate register (执法证管理), administered by the bureau. */
@ApiTags('registers: enforcement certificates')
@Controller('api/registers/certificates')
export class CertificateController {
  constructor(private readonly officers: OfficersService) {}

  @Get()
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '行政执法证登记簿 / certificate register' })
  list(@Query() query: CertificateQuery, @Caller() caller: CallerInfo) {
    return this.officers.certificates(query, caller);
  }

  @Get('export')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '行政执法证登记簿导出（Excel）/ register as Excel' })
  async export(@Query() query: CertificateQuery, @Caller() caller: CallerInfo, @Res() res: Response) {
    const rows = await this.officers.certificates(query, caller);
    const body = await renderXlsx([
      {
        name: '行政执法证登记簿',
        title: '行政执法证登记簿',
        columns: [
          { key: 'number', header: '证件编号', width: 20 },
          { key: 'name', header: '姓名', width: 10 },
          { key: 'orgName', header: '所在单位', width: 24 },
          { key: 'statusName', header: '证件状态', width: 8 },
          { key: 'issuedOn', header: '发证日期', width: 12 },
          { key: 'expiresOn', header: '有效期至', width: 12 },
          { key: 'personStatus', header: '在岗情况', width: 8 },
        ],
        rows: rows.map((r) => ({ ...r, personStatus: r.personStatus === 'left' ? '离岗' : '在岗' })),
      },
    ]);
    res.setHeader('content-type', CONTENT_TYPE.xlsx);
    res.setHeader('content-disposition', attachmentDisposition('行政执法证登记簿.xlsx', 'certificates.xlsx'));
    res.send(body);
  }

  @Get('annual-review')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '年度清理：需复核的证件及发现 / certificates the annual clean-up must look at' })
  reviewList(@Query() query: ReviewQuery, @Caller() caller: CallerInfo) {
    return this.officers.reviewList(query.year, query.asOf, caller);
  }

  @Get(':id')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '证件及其处理记录 / one certificate with its history' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.officers.certificate(id, caller);
  }

  @Post(':id/annual-review')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '记录年度清理决定（保留、暂扣、吊销、注销）/ record the clean-up decision' })
  review(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ReviewDecisionDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.officers.review(id, dto, caller);
  }

  @Post(':id/suspension')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '暂扣证件 / suspend' })
  suspend(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: CertificateDecisionDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.officers.decide(id, 'suspend', dto.reason, dto.basis, caller);
  }

  @Post(':id/reinstatement')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '恢复暂扣的证件 / reinstate a suspended certificate' })
  reinstate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: CertificateDecisionDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.officers.decide(id, 'reinstate', dto.reason, dto.basis, caller);
  }

  @Post(':id/revocation')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '吊销或注销证件 / revoke or cancel' })
  revoke(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: RevokeCertificateDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.officers.decide(id, dto.action, dto.reason, dto.basis, caller);
  }
}

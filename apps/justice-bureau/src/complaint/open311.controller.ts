import { Body, Controller, Get, Param, Post, UploadedFiles, UseInterceptors } from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { Public, badRequest } from '@oversight/platform';
import { OrganisationService } from '../organisation/organisation.service';
import { UploadedFileData } from './attachment.service';
import { STATUS_LABEL } from './complaint-status';
import { UPLOAD } from './complaint.controller';
import { ComplaintService } from './complaint.service';
import { PublicComplaintService } from './public-complaint.service';
import { CATEGORIES, RegisterComplaintDto } from './register-complaint.dto';

const CLOSED = ['rejected', 'forwarded', 'closed'];
const stripJson = (s: string) => s.replace(/\.json$/, '');

/**
 * Open311 GeoReport v2 intake (services = complaint categories; service_request_id = tracking code),
 * so third-party 12345 and city apps can file and follow complaints. Our richer state travels in
 * `extended_attributes`. Errors use the product's bilingual body.
 */
@ApiTags('open311')
@Controller('open311/v2')
export class Open311Controller {
  constructor(
    private readonly complaints: ComplaintService,
    private readonly publicComplaints: PublicComplaintService,
    private readonly organisations: OrganisationService,
  ) {}

  @Get(['services', 'services.json'])
  @Public()
  @ApiOperation({ summary: 'Open311 服务类别 / service list' })
  services() {
    return Object.entries(CATEGORIES).map(([code, name]) => ({
      service_code: code,
      service_name: name,
      description: `行政执法投诉举报：${name}`,
      metadata: true,
      type: 'realtime',
      keywords: '行政执法,投诉举报',
      group: '行政执法投诉举报',
    }));
  }

  @Get('services/:code')
  @Public()
  @ApiOperation({ summary: 'Open311 服务定义 / service definition' })
  async definition(@Param('code') raw: string) {
    const code = stripJson(raw);
    if (!(code in CATEGORIES))
      throw badRequest({ zh: `未知的服务类别：${code}`, en: `Unknown service_code ${code}` });
    const orgs = await this.organisations.list();
    return {
      service_code: code,
      attributes: [
        {
          variable: true,
          code: 'respondent_org',
          datatype: 'singlevaluelist',
          required: true,
          datatype_description: '被投诉单位 / agency complained about',
          order: 1,
          description: '被投诉单位',
          values: orgs.map((o) => ({ key: o.code, name: o.name })),
        },
        {
          variable: true,
          code: 'summary',
          datatype: 'string',
          required: true,
          order: 2,
          description: '事由摘要（200字以内）',
        },
      ],
    };
  }

  @Post(['requests', 'requests.json'])
  @Public()
  @UseInterceptors(UPLOAD)
  @ApiConsumes('application/x-www-form-urlencoded', 'multipart/form-data')
  @ApiOperation({ summary: 'Open311 提交投诉 / create a service request' })
  async create(@Body() body: Record<string, unknown>, @UploadedFiles() files: UploadedFileData[] = []) {
    const attribute = (body.attribute ?? {}) as Record<string, unknown>;
    const name = [body.last_name, body.first_name].filter((v) => typeof v === 'string' && v).join('');
    const phone = typeof body.phone === 'string' ? body.phone : '';
    const anonymous = !name && !phone;
    const dto = plainToInstance(RegisterComplaintDto, {
      channel: 'open311',
      anonymous,
      ...(anonymous ? {} : { complainant: { name, phone } }),
      respondentOrg: attribute.respondent_org ?? body['attribute[respondent_org]'],
      category: body.service_code,
      summary:
        attribute.summary ?? body['attribute[summary]'] ?? String(body.description ?? '').slice(0, 200),
      details: body.description,
    });
    const errors = await validate(dto);
    if (errors.length > 0) {
      throw badRequest(
        { zh: '请求缺少必填项或格式有误。', en: 'The request is missing required fields or is malformed.' },
        errors.map((e) => ({
          field: e.property,
          zh: `${e.property} 填写有误`,
          en: Object.values(e.constraints ?? {}).join('; '),
        })),
      );
    }
    const receipt = await this.complaints.register(dto, files);
    return [
      {
        service_request_id: receipt.trackingCode,
        service_notice: `已登记，请凭查询码 ${receipt.trackingCode} 查询办理进度。`,
        account_id: null,
      },
    ];
  }

  @Get('requests/:id')
  @Public()
  @ApiOperation({ summary: 'Open311 查询办理状态 / a service request by id (tracking code)' })
  async get(@Param('id') raw: string) {
    const view = await this.publicComplaints.lookup(stripJson(raw));
    const complaint = await this.complaints.byTrackingCode(view.trackingCode);
    const agency = complaint.agencyOrg ? await this.organisations.find(complaint.agencyOrg) : null;
    const last = view.history[view.history.length - 1];
    return [
      {
        service_request_id: view.trackingCode,
        status: CLOSED.includes(view.status) ? 'closed' : 'open',
        status_notes: last ? last.message.zh : null,
        service_name: CATEGORIES[view.category as keyof typeof CATEGORIES] ?? view.category,
        service_code: view.category,
        description: view.summary,
        agency_responsible: agency?.name ?? '阳新县司法局',
        service_notice: view.reply,
        requested_datetime: view.registeredAt,
        updated_datetime: complaint.updatedAt.toISOString(),
        expected_datetime: view.dueAt,
        address: null,
        lat: null,
        long: null,
        media_url: null,
        extended_attributes: {
          oversight_status: view.status,
          oversight_status_label: STATUS_LABEL[complaint.status],
          overdue: view.overdue,
        },
      },
    ];
  }
}

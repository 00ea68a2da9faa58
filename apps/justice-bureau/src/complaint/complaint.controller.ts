import { Body, Controller, Get, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ComplaintEntity } from './complaint.entity';
import { ComplaintService } from './complaint.service';
import { RegisterComplaintDto } from './register-complaint.dto';
import type { ComplaintReceipt } from './register-complaint.dto';

@ApiTags('complaints')
@Controller('api/complaints')
export class ComplaintController {
  constructor(private readonly complaints: ComplaintService) {}

  @Post()
  @ApiOperation({ summary: '登记投诉举报 / register a complaint about enforcement conduct' })
  @ApiCreatedResponse({ description: '已登记，返回查询码 / registered; returns the tracking code' })
  register(@Body() dto: RegisterComplaintDto): Promise<ComplaintReceipt> {
    return this.complaints.register(dto);
  }

  @Get(':id')
  @ApiOperation({ summary: '投诉详情（不含投诉人身份）/ a complaint, without the complainant’s identity' })
  get(@Param('id', new ParseUUIDPipe()) id: string): Promise<ComplaintEntity> {
    return this.complaints.get(id);
  }
}

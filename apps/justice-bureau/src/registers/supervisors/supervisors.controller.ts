import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Caller, CallerInfo, RULE } from '@oversight/platform';
import { AppointSupervisorDto, EndAppointmentDto, SupervisorQuery } from './supervisors.dto';
import { SupervisorsService } from './supervisors.service';

@ApiTags('registers: enforcement supervisors')
@Controller('api/registers/supervisors')
export class SupervisorsController {
  constructor(private readonly supervisors: SupervisorsService) {}

  @Get()
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '行政执法监督员库（active=true 为在聘，供联合检查抽选）/ the supervisor pool' })
  list(@Query() query: SupervisorQuery, @Caller() caller: CallerInfo) {
    return this.supervisors.list(query, caller);
  }

  @Post()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '聘任监督员（填 town 即入镇级监督员库）/ appoint a supervisor' })
  appoint(@Body() dto: AppointSupervisorDto, @Caller() caller: CallerInfo) {
    return this.supervisors.appoint(dto, caller);
  }

  @Post(':id/end')
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '解聘 / end the appointment' })
  end(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: EndAppointmentDto) {
    return this.supervisors.end(id, dto.reason, dto.endedOn);
  }
}

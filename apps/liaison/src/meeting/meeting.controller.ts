import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Access, Caller, CallerInfo, RULE } from '@oversight/platform';
import { scopeOf } from '../liaison-access';
import { send } from '../transfer/transfer.controller';
import { MeetingDocumentsService } from './meeting-documents.service';
import {
  AgendaDto,
  AttendanceDto,
  CloseResolutionDto,
  MinutesDto,
  ResolutionDto,
  ScheduleMeetingDto,
} from './meeting.dto';
import { MeetingService } from './meeting.service';

@ApiTags('liaison meetings')
@Controller('api/liaison')
export class MeetingController {
  constructor(
    private readonly meetings: MeetingService,
    private readonly documents: MeetingDocumentsService,
  ) {}

  @Post('meetings')
  @Access(RULE.liaisonSecretary)
  @ApiOperation({ summary: '安排联席会议（自动生成议程）/ schedule a meeting; the agenda is generated' })
  schedule(@Body() dto: ScheduleMeetingDto, @Caller() caller: CallerInfo) {
    return this.meetings.schedule(dto, caller);
  }

  @Get('meetings')
  @Access(RULE.anyStaff)
  @ApiOperation({ summary: '联席会议列表 / meetings' })
  list(@Caller() caller: CallerInfo) {
    scopeOf(caller);
    return this.meetings.list();
  }

  @Get('meetings/:id')
  @Access(RULE.anyStaff)
  @ApiOperation({ summary: '会议详情：议程、参会、纪要、议定事项 / a meeting' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    scopeOf(caller);
    return this.meetings.get(id);
  }

  @Put('meetings/:id/agenda')
  @Access(RULE.liaisonSecretary)
  @ApiOperation({ summary: '修改议程 / edit the agenda' })
  agenda(@Param('id', new ParseUUIDPipe()) id: string, @Body() dto: AgendaDto, @Caller() caller: CallerInfo) {
    return this.meetings.replaceAgenda(id, dto, caller);
  }

  @Put('meetings/:id/attendance')
  @Access(RULE.liaisonSecretary)
  @ApiOperation({ summary: '登记参会人员 / record attendance' })
  attendance(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: AttendanceDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.meetings.recordAttendance(id, dto, caller);
  }

  @Put('meetings/:id/minutes')
  @Access(RULE.liaisonSecretary)
  @ApiOperation({ summary: '记录会议纪要 / record the minutes' })
  minutes(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: MinutesDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.meetings.recordMinutes(id, dto, caller);
  }

  @Post('meetings/:id/resolutions')
  @Access(RULE.liaisonSecretary)
  @ApiOperation({ summary: '形成议定事项 / record a resolution with owner and due date' })
  resolution(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ResolutionDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.meetings.addResolution(id, dto, caller);
  }

  @Get('meetings/:id/agenda.pdf')
  @Access(RULE.anyStaff)
  @ApiOperation({ summary: '议程（PDF）/ the agenda as PDF' })
  async agendaPdf(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    scopeOf(caller);
    send(res, await this.documents.agenda(id), 'pdf', '联席会议议程.pdf', 'meeting-agenda.pdf');
  }

  @Get('meetings/:id/minutes.pdf')
  @Access(RULE.anyStaff)
  @ApiOperation({ summary: '会议纪要（PDF）/ the minutes as PDF' })
  async minutesPdf(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    scopeOf(caller);
    send(res, await this.documents.minutes(id), 'pdf', '联席会议纪要.pdf', 'meeting-minutes.pdf');
  }

  @Get('resolutions')
  @Access(RULE.anyStaff)
  @ApiOperation({ summary: '议定事项（可只看未落实）/ resolutions, open ones if asked' })
  resolutions(@Query('open') open: string | undefined, @Caller() caller: CallerInfo) {
    scopeOf(caller);
    return this.meetings.resolutions(open === undefined ? undefined : open === 'true');
  }

  @Post('resolutions/:id/close')
  @Access(RULE.anyStaff)
  @HttpCode(200)
  @ApiOperation({ summary: '议定事项办结 / report a resolution done' })
  close(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: CloseResolutionDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.meetings.closeResolution(id, dto.outcome, caller);
  }
}

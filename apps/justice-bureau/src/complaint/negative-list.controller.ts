import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Caller, CallerInfo, RULE, requireOrg } from '@oversight/platform';
import { NegativeListRegisterService } from '../registers/negative-list/negative-list-register.service';
import { JUSTICE_BUREAU } from './complaint-actions.service';
import { ComplaintStatisticsService, NegativeListQuery } from './complaint-statistics.service';

@ApiTags('complaints (justice bureau)')
@Controller('api/negative-list')
export class NegativeListController {
  constructor(
    private readonly statistics: ComplaintStatisticsService,
    private readonly register: NegativeListRegisterService,
  ) {}

  @Get()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '负面清单（执法事项与执法人员）/ negative list of matters and officers' })
  async list(@Query() query: NegativeListQuery, @Caller() caller: CallerInfo) {
    requireOrg(caller, JUSTICE_BUREAU);
    // Drawn from complaints, plus the registers' part: sanctioned certificates and manual entries.
    return {
      ...(await this.statistics.negativeList(query)),
      ...(await this.register.contribution(query.year)),
    };
  }
}

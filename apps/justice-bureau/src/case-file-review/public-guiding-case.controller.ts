import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { PageQuery, Public } from '@oversight/platform';
import { GuidingCaseService } from './guiding-case.service';

/** Published guiding cases (指导案例), open to everyone: 以案促学、示范引导. */
@ApiTags('guiding cases (public)')
@Controller('api/public/guiding-cases')
export class PublicGuidingCaseController {
  constructor(private readonly guidingCases: GuidingCaseService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '行政执法指导案例 / published guiding cases' })
  list(@Query() query: PageQuery) {
    return this.guidingCases.list(query);
  }
}

import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationService } from './organisation.service';
import { Public } from '@oversight/platform';

@ApiTags('organisations')
@Controller('api/organisations')
export class OrganisationController {
  constructor(private readonly organisations: OrganisationService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '单位列表 / the county organisations' })
  list(): Promise<OrganisationEntity[]> {
    return this.organisations.list();
  }
}

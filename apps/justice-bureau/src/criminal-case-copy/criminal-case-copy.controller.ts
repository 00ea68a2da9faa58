import { Controller, Get } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { BODY } from '@oversight/contracts';
import { Access, Caller, CallerInfo, RULE, requireOrg } from '@oversight/platform';
import { CriminalCaseCopyEntity } from './criminal-case-copy.entity';

@ApiTags('criminal-case copies (抄送司法局)')
@Controller('api/criminal-case-copies')
export class CriminalCaseCopyController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Get()
  @Access(RULE.justiceDesk)
  @ApiOperation({ summary: '收到的涉嫌犯罪案件移送抄送件 / copies of criminal-case transfers' })
  async list(@Caller() caller: CallerInfo) {
    requireOrg(caller, BODY.justiceBureau);
    const rows = await this.dataSource
      .getRepository(CriminalCaseCopyEntity)
      .find({ order: { transferredAt: 'DESC' } });
    return {
      total: rows.length,
      items: rows.map((r) => ({
        ...r,
        transferredAt: r.transferredAt.toISOString(),
        receivedAt: r.receivedAt.toISOString(),
      })),
    };
  }
}

import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Put, Query, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { attachmentDisposition, CONTENT_TYPE, renderXlsx } from '@oversight/documents';
import { Access, Caller, CallerInfo, Public, RULE } from '@oversight/platform';
import {
  CatalogueEntriesDto,
  CatalogueQuery,
  OpenCatalogueDto,
  ReturnCatalogueDto,
} from './matter-catalogue.dto';
import { CatalogueView, MatterCatalogueService } from './matter-catalogue.service';

/** Matter catalogues and delegated-powers lists: organisations keep their drafts, the bureau publishes. */
@ApiTags('registers: matter catalogues')
@Controller('api/registers/matter-catalogues')
export class MatterCatalogueController {
  constructor(private readonly catalogues: MatterCatalogueService) {}

  @Get()
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '执法事项清单各版本（本单位；司法局可看全部）/ catalogue versions' })
  list(@Query() query: CatalogueQuery, @Caller() caller: CallerInfo) {
    return this.catalogues.list(query, caller);
  }

  @Post()
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '新建清单草稿（以现行版本为底稿）/ open a new draft version' })
  open(@Body() dto: OpenCatalogueDto, @Caller() caller: CallerInfo) {
    return this.catalogues.open(dto, caller);
  }

  @Get(':id')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '清单一个版本及其事项 / one version with its matters' })
  get(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.catalogues.get(id, caller);
  }

  @Put(':id/entries')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '保存草稿事项（整表替换）/ replace the draft’s matters' })
  entries(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: CatalogueEntriesDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.catalogues.replaceEntries(id, dto, caller);
  }

  @Post(':id/submission')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '报送县司法局审核 / submit for approval' })
  submit(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.catalogues.submit(id, caller);
  }

  @Post(':id/publication')
  @Access(RULE.justiceReview)
  @ApiOperation({ summary: '审核通过并公布（原版本废止）/ approve and publish' })
  publish(@Param('id', new ParseUUIDPipe()) id: string, @Caller() caller: CallerInfo) {
    return this.catalogues.publish(id, caller);
  }

  @Post(':id/return')
  @Access(RULE.justiceReview)
  @ApiOperation({ summary: '退回修改 / return to the organisation for changes' })
  returnToDraft(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: ReturnCatalogueDto,
    @Caller() caller: CallerInfo,
  ) {
    return this.catalogues.returnToDraft(id, dto.reason, caller);
  }

  @Get(':id/export')
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '导出清单（Excel）/ export as Excel' })
  async export(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Caller() caller: CallerInfo,
    @Res() res: Response,
  ) {
    const c = await this.catalogues.get(id, caller);
    res.setHeader('content-type', CONTENT_TYPE.xlsx);
    res.setHeader(
      'content-disposition',
      attachmentDisposition(`${c.orgName}${c.listName}（第${c.version}版）.xlsx`, 'catalogue.xlsx'),
    );
    res.send(await catalogueXlsx(c));
  }
}

/** The published catalogues, as the plan asks them to be made public (公布). */
@ApiTags('registers: matter catalogues (public)')
@Controller('api/public/matter-catalogues')
export class PublicMatterCatalogueController {
  constructor(private readonly catalogues: MatterCatalogueService) {}

  @Get()
  @Public()
  @ApiOperation({ summary: '已公布的执法事项清单和赋权目录 / published catalogues' })
  list(@Query('org') org?: string) {
    return this.catalogues.published(org);
  }

  @Get(':org/:list')
  @Public()
  @ApiOperation({ summary: '某单位现行清单 / an organisation’s published catalogue' })
  get(@Param('org') org: string, @Param('list') list: string) {
    return this.catalogues.publishedOf(org, list);
  }
}

function catalogueXlsx(c: CatalogueView): Promise<Buffer> {
  const delegated = c.list === 'delegated-powers';
  return renderXlsx([
    {
      name: c.listName,
      title: `${c.orgName}${c.listName}（第${c.version}版）`,
      columns: [
        { key: 'no', header: '序号', width: 6 },
        { key: 'code', header: '事项编码', width: 16 },
        { key: 'name', header: '事项名称', width: 36 },
        { key: 'kind', header: '事项类别', width: 12 },
        { key: 'legalBasis', header: '法律依据', width: 50 },
        { key: 'implementingBody', header: '实施主体', width: 20 },
        ...(delegated ? [{ key: 'delegatingOrg', header: '赋权部门', width: 12 }] : []),
      ],
      rows: c.entries.map((e, i) => ({ no: i + 1, ...e })),
    },
  ]);
}

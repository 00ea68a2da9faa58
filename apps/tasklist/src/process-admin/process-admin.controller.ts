import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { Access, Caller, CallerInfo, RULE } from '@oversight/platform';
import { ProcessAdminService } from './process-admin.service';

export class SaveModelDto {
  @ApiProperty({ description: 'BPMN 2.0 XML' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2_000_000)
  xml!: string;

  @ApiPropertyOptional({ description: '修改说明 / what changed' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

/** Process administration, for the process administrator (流程管理员) only. */
@ApiTags('process-admin')
@Access(RULE.processAdmin)
@Controller('api/process-admin')
export class ProcessAdminController {
  constructor(private readonly admin: ProcessAdminService) {}

  @Get('processes')
  @ApiOperation({ summary: '已部署的流程模型 / deployed process models' })
  processes() {
    return this.admin.processes();
  }

  @Get('processes/:key/model')
  @ApiOperation({ summary: '待编辑的模型（最新保存或已部署版本）/ the model to edit' })
  model(@Param('key') key: string) {
    return this.admin.model(key);
  }

  @Get('processes/:key/versions')
  @ApiOperation({ summary: '保存的模型版本 / versions saved from the modeler' })
  versions(@Param('key') key: string) {
    return this.admin.savedVersions(key);
  }

  @Post('processes/:key/versions')
  @ApiOperation({ summary: '保存新版本 / save a new version of the model' })
  save(@Param('key') key: string, @Body() dto: SaveModelDto, @Caller() caller: CallerInfo) {
    return this.admin.save(key, dto.xml, dto.comment, caller);
  }

  @Post('processes/:key/versions/:version/deploy')
  @HttpCode(200)
  @ApiOperation({ summary: '部署到流程引擎 / deploy a saved version to the engine' })
  deploy(@Param('key') key: string, @Param('version', ParseIntPipe) version: number) {
    return this.admin.deploy(key, version);
  }

  @Get('processes/:key/definitions')
  @ApiOperation({ summary: '各部署版本：运行实例数、异常数 / deployed versions with counts' })
  definitions(@Param('key') key: string) {
    return this.admin.definitions(key);
  }

  @Get('definitions/:id')
  @ApiOperation({ summary: '部署版本详情：流程图、实例当前环节、异常 / one deployed version' })
  definition(@Param('id') id: string) {
    return this.admin.definition(id);
  }

  @Post('incidents/:id/retry')
  @HttpCode(200)
  @ApiOperation({ summary: '排除原因后重试 / retry the failed step of an incident' })
  retry(@Param('id') id: string) {
    return this.admin.retryIncident(id);
  }
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export const CATALOGUE_LISTS = ['matters', 'delegated-powers'] as const;
/** The kinds of enforcement act the catalogues list (行政执法行为类别). */
export const MATTER_KINDS = [
  '行政许可',
  '行政处罚',
  '行政强制',
  '行政检查',
  '行政征收征用',
  '行政给付',
  '行政确认',
  '行政奖励',
  '行政裁决',
  '其他行政权力',
] as const;

export class OpenCatalogueDto {
  @ApiProperty({ enum: CATALOGUE_LISTS, description: '清单类型：执法事项目录 / 镇（区）赋权目录' })
  @IsIn(CATALOGUE_LISTS)
  list!: (typeof CATALOGUE_LISTS)[number];

  @ApiPropertyOptional({ description: '单位代码（仅县司法局代为编制时填写）/ organisation (bureau only)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  org?: string;
}

export class CatalogueEntryDto {
  @ApiProperty({ description: '事项编码 / matter code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  code!: string;

  @ApiProperty({ description: '事项名称 / matter name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  name!: string;

  @ApiProperty({ enum: MATTER_KINDS, description: '事项类别 / kind' })
  @IsIn(MATTER_KINDS)
  kind!: (typeof MATTER_KINDS)[number];

  @ApiProperty({ description: '法律依据 / legal basis' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(4000)
  legalBasis!: string;

  @ApiProperty({ description: '实施主体 / implementing body' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  implementingBody!: string;

  @ApiPropertyOptional({
    description: '赋权部门代码（赋权目录必填）/ delegating department (delegated powers)',
  })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  delegatingOrg?: string;
}

export class CatalogueEntriesDto {
  @ApiProperty({ type: [CatalogueEntryDto] })
  @IsArray()
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => CatalogueEntryDto)
  entries!: CatalogueEntryDto[];
}

export class ReturnCatalogueDto {
  @ApiProperty({ description: '退回理由 / why it is returned' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class CatalogueQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  org?: string;

  @ApiPropertyOptional({ enum: ['draft', 'submitted', 'published', 'superseded'] })
  @IsOptional()
  @IsIn(['draft', 'submitted', 'published', 'superseded'])
  status?: string;
}

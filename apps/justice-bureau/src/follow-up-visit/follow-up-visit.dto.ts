import { IsIsoDay } from '@oversight/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { FollowUpCaseKind } from './follow-up-rules';

const KINDS = ['enforcement', 'reconsideration', 'litigation'];

export class RegisterCaseDto {
  @ApiProperty({ enum: KINDS, description: '行政执法 / 行政复议 / 行政诉讼案件' })
  @IsIn(KINDS)
  caseKind!: FollowUpCaseKind;

  @ApiProperty({ description: '案号 / case number' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  caseNumber!: string;

  @ApiProperty({ description: '案件名称 / title' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ description: '结案日期 / closed on (YYYY-MM-DD)' })
  @IsIsoDay()
  @IsISO8601({ strict: true })
  closedOn!: string;

  @ApiProperty({ description: '当事人 / party' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  partyName!: string;

  @ApiProperty({ description: '联系电话 / party’s telephone' })
  @IsString()
  @Matches(/^[0-9+\-\s]{5,30}$/)
  partyPhone!: string;
}

export class OfficeRegisterCaseDto extends RegisterCaseDto {
  @ApiProperty({ description: '办案单位 / the agency that handled the case' })
  @IsString()
  @IsNotEmpty()
  agencyCode!: string;
}

export class RatiosDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  enforcement?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  reconsideration?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1)
  litigation?: number;
}

export class DrawDto {
  @ApiProperty({ description: '结案年度 / year the cases were closed', example: 2027 })
  @IsInt()
  @Min(2020)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ description: '回访比例 / ratios per kind (default: the county’s)', type: RatiosDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => RatiosDto)
  ratios?: RatiosDto;

  @ApiPropertyOptional({ description: '随机种子 / seed (recorded; default random)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  seed?: string;
}

export class VisitResultDto {
  @ApiProperty({ description: '是否联系上当事人 / whether the party was reached' })
  @IsBoolean()
  reached!: boolean;

  @ApiPropertyOptional({ description: '满意度 1–5 / satisfaction (required when reached)' })
  @IsOptional()
  @IsInt()
  satisfaction?: number;

  @ApiPropertyOptional({ description: '反映的问题 / problems reported' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  problems?: string;

  @ApiProperty({ enum: ['phone', 'onsite', 'letter'], description: '电话 / 上门 / 信函' })
  @IsIn(['phone', 'onsite', 'letter'])
  method!: 'phone' | 'onsite' | 'letter';

  @ApiProperty({ description: '回访人 / visitor' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  visitor!: string;

  @ApiPropertyOptional({ description: '备注 / note' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class VisitQuery {
  @ApiPropertyOptional({ enum: ['due', 'done'] })
  @IsOptional()
  @IsIn(['due', 'done'])
  status?: 'due' | 'done';

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2020)
  @Max(2100)
  year?: number;
}

export class StatisticsQuery {
  @ApiProperty({ example: 2027 })
  @Type(() => Number)
  @IsInt()
  @Min(2020)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ description: '统计截止日 / as of (YYYY-MM-DD; default today)' })
  @IsOptional()
  @IsIsoDay()
  @IsISO8601({ strict: true })
  asOf?: string;
}

export class OverdueQuery {
  @ApiPropertyOptional({ description: '截止日 / as of (YYYY-MM-DD; default now)' })
  @IsOptional()
  @IsIsoDay()
  @IsISO8601({ strict: true })
  asOf?: string;
}

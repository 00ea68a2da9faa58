import { IsIsoDay } from '@oversight/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { LEAD_BODIES, SEVERITY, SUPERVISOR_CATEGORIES } from './deadline-rules';

const CODE = /^[a-z][a-z0-9-]{1,39}$/;

export class PlanInspectionDto {
  @ApiProperty({ description: '执法检查名称 / title' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ description: '年度 / year' })
  @IsInt()
  @Min(2020)
  @Max(2100)
  year!: number;

  @ApiProperty({ description: '检查领域 / enforcement field inspected' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  field!: string;

  @ApiProperty({ description: '检查的法律法规 / law inspected' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  law!: string;

  @ApiProperty({ description: '被检查单位代码 / agencies and towns to inspect (organisation codes)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(60)
  @IsString({ each: true })
  @Matches(CODE, { each: true })
  targets!: string[];

  @ApiProperty({ description: '现场检查开始日期 / first on-site day (YYYY-MM-DD)' })
  @IsIsoDay()
  onSiteStartDate!: string;

  @ApiProperty({ description: '现场检查结束日期 / last on-site day (YYYY-MM-DD)' })
  @IsIsoDay()
  onSiteEndDate!: string;

  @ApiProperty({ description: '牵头单位 / lead body', enum: Object.keys(LEAD_BODIES) })
  @IsIn(Object.keys(LEAD_BODIES))
  leadBody!: string;
}

export class InspectorDto {
  @ApiProperty({ description: '检查人员姓名 / name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ description: '所在单位 / body (rd, sfj or jcy)' })
  @IsString()
  @Matches(CODE)
  org!: string;
}

export class SupervisorDto {
  @ApiProperty({ description: '行政执法监督员姓名 / supervisor name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ description: '类别 / category', enum: Object.keys(SUPERVISOR_CATEGORIES) })
  @IsIn(Object.keys(SUPERVISOR_CATEGORIES))
  category!: string;
}

export class AssignTeamDto {
  @ApiProperty({ type: [InspectorDto], description: '检查组成员 / inspectors of the three bodies' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => InspectorDto)
  inspectors!: InspectorDto[];

  @ApiPropertyOptional({ type: [SupervisorDto], description: '行政执法监督员 / supervisors' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => SupervisorDto)
  supervisors?: SupervisorDto[];
}

/** Multipart form of a finding: text fields plus `files`. */
export class RecordFindingDto {
  @ApiProperty({ description: '被检查单位 / the agency or town (organisation code)' })
  @IsString()
  @Matches(CODE)
  agencyCode!: string;

  @ApiProperty({ description: '发现的问题 / the problem found' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  problem!: string;

  @ApiProperty({ description: '法律依据 / legal basis' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  legalBasis!: string;

  @ApiProperty({ description: '严重程度 / severity', enum: Object.keys(SEVERITY) })
  @IsIn(Object.keys(SEVERITY))
  severity!: string;
}

export class ClueSubjectDto {
  @ApiProperty({ description: '被反映人姓名 / name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ description: '身份 / identity, e.g. 公职人员（行政执法人员）' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  identity!: string;

  @ApiProperty({ description: '职级 / rank' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  rank!: string;

  @ApiPropertyOptional({ description: '职务 / position' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  position?: string;
}

export const DISPOSITIONS = ['supervision-case', 'clue-referral', 'rectification'] as const;

export class DisposeFindingDto {
  @ApiProperty({ description: '处理方式 / disposition', enum: DISPOSITIONS })
  @IsIn(DISPOSITIONS)
  disposition!: (typeof DISPOSITIONS)[number];

  @ApiPropertyOptional({ description: '整改要求或线索说明 / rectification requirement or clue description' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;

  @ApiPropertyOptional({
    type: [ClueSubjectDto],
    description: '被反映人（移送线索）/ persons concerned (clue)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ClueSubjectDto)
  subjects?: ClueSubjectDto[];

  @ApiPropertyOptional({ description: '处置建议（移送线索）/ suggested disposal (clue)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  suggestedDisposal?: string;

  @ApiPropertyOptional({ description: '整改期限 / rectification due date (YYYY-MM-DD)' })
  @IsOptional()
  @IsIsoDay()
  dueDate?: string;
}

export class RectificationReportDto {
  @ApiProperty({ description: '整改情况 / what the agency did to rectify' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  report!: string;
}

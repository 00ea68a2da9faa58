import { IsIsoDay } from '@oversight/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
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

export const ENTERPRISE_KINDS = {
  private: '民营企业',
  'above-scale': '规上企业',
  individual: '个体工商户',
  other: '其他',
} as const;
export const VISIT_METHODS = ['走访', '座谈会', '问卷调查'] as const;

export class RegisterContactPointDto {
  @ApiProperty({ description: '企业名称 / enterprise' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  enterpriseName!: string;

  @ApiProperty({ description: '统一社会信用代码（18位）/ unified social credit code' })
  @Matches(/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/, {
    message: '统一社会信用代码应为18位 / the credit code has 18 characters',
  })
  creditCode!: string;

  @ApiProperty({ enum: Object.keys(ENTERPRISE_KINDS), description: '企业类型 / kind' })
  @IsIn(Object.keys(ENTERPRISE_KINDS))
  enterpriseKind!: keyof typeof ENTERPRISE_KINDS;

  @ApiProperty({ description: '联系的执法部门代码 / responsible agency code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  agency!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(60)
  contactPerson?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  phone?: string;

  @ApiPropertyOptional({ description: '确定为联系点的日期（默认今日）/ designated on' })
  @IsOptional()
  @IsIsoDay()
  designatedOn?: string;
}

export class SurveyAnswerDto {
  @ApiProperty({ description: '问题 / question' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  question!: string;

  @ApiProperty({ description: '得分（0-100）/ score' })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  score!: number;
}

export class RecordVisitDto {
  @ApiProperty({ description: '走访日期 / visited on' })
  @IsIsoDay()
  visitedOn!: string;

  @ApiProperty({ enum: VISIT_METHODS, description: '方式 / method' })
  @IsIn(VISIT_METHODS)
  method!: (typeof VISIT_METHODS)[number];

  @ApiProperty({ description: '走访人员 / visitors' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  visitors!: string;

  @ApiPropertyOptional({ description: '情况记录 / notes' })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  notes?: string;

  @ApiPropertyOptional({ type: [SurveyAnswerDto], description: '满意度调查（逐题得分）/ survey' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SurveyAnswerDto)
  answers?: SurveyAnswerDto[];
}

export class WithdrawContactPointDto {
  @ApiProperty({ description: '撤销联系点的理由 / reason' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class ContactPointQuery {
  @ApiPropertyOptional({ description: '年度（默认本年）/ year' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  agency?: string;
}

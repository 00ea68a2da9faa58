import { IsIsoDay } from '@oversight/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export const TRAINING_KINDS = ['集中培训', '岗前培训', '业务轮训', '一月一法', '抽考', '其他'] as const;

export class RecordTrainingDto {
  @ApiProperty({ description: '人员 / person id' })
  @IsUUID()
  personId!: string;

  @ApiProperty({ description: '培训日期 / date (YYYY-MM-DD)' })
  @IsIsoDay()
  trainedOn!: string;

  @ApiPropertyOptional({ description: '培训天数 / days' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  @Max(60)
  days?: number;

  @ApiPropertyOptional({ description: '学时（未填天数时按学时折算）/ hours' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(500)
  hours?: number;

  @ApiProperty({ description: '主题 / topic' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  topic!: string;

  @ApiProperty({ enum: TRAINING_KINDS, description: '形式 / kind' })
  @IsIn(TRAINING_KINDS)
  kind!: (typeof TRAINING_KINDS)[number];

  @ApiPropertyOptional({ description: '抽考成绩（百分制）/ quiz score' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(100)
  quizScore?: number;

  @ApiPropertyOptional({ description: '抽考是否合格 / quiz passed' })
  @IsOptional()
  @IsBoolean()
  quizPassed?: boolean;
}

export class TrainingRequirementDto {
  @ApiProperty({ description: '全年最少培训天数 / minimum days a year' })
  @IsNumber({ maxDecimalPlaces: 1 })
  @Min(0)
  @Max(60)
  minDays!: number;

  @ApiProperty({ description: '依据 / basis' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  basis!: string;
}

export class TrainingQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  org?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class AnnualCheckQuery {
  @ApiProperty()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  org?: string;
}

export class RunAnnualCheckDto {
  @ApiProperty({ description: '考核年度 / year' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const bool = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class TransferQueryDto {
  @ApiPropertyOptional({ description: '类型 / kind', example: 'complaint-intake' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  kind?: string;

  @ApiPropertyOptional({ description: '状态 / status' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  status?: string;

  @ApiPropertyOptional({ description: '移送方 / sender' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  sender?: string;

  @ApiPropertyOptional({ description: '接收方 / receiver' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  receiver?: string;

  @ApiPropertyOptional({ description: '涉及单位（移送方或接收方）/ body, as sender or receiver' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  body?: string;

  @ApiPropertyOptional({ description: '起始日期（移送日期）/ opened from (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  from?: string;

  @ApiPropertyOptional({ description: '截止日期（含）/ opened until, inclusive (YYYY-MM-DD)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  to?: string;

  @ApiPropertyOptional({ description: '仅未办结 / open ones only' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  open?: boolean;

  @ApiPropertyOptional({ description: '仅逾期 / overdue ones only' })
  @IsOptional()
  @Transform(bool)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ default: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset = 0;

  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit = 50;
}

export class StatisticsQueryDto {
  @ApiPropertyOptional({ description: '年度 / year' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;
}

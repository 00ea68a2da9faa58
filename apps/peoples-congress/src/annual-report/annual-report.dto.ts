import { IsIsoDay } from '@oversight/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export const REPORT_KINDS = {
  enforcement: '年度行政执法工作报告',
  'rule-of-law-government': '法治政府建设情况报告',
} as const;

/** Multipart form of an annual report: text fields plus `file` (PDF). */
export class SubmitAnnualReportDto {
  @ApiProperty({ description: '年度 / year' })
  @Type(() => Number)
  @IsInt()
  @Min(2020)
  @Max(2100)
  year!: number;

  @ApiProperty({ description: '报告类别 / kind', enum: Object.keys(REPORT_KINDS) })
  @IsIn(Object.keys(REPORT_KINDS))
  kind!: string;

  @ApiPropertyOptional({ description: '报告标题 / title' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  title?: string;
}

export class DeliberationDto {
  @ApiProperty({ description: '审议意见 / the standing committee’s deliberation opinions' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  opinions!: string;

  @ApiPropertyOptional({ description: '研究处理情况报告期限 / reply due date (YYYY-MM-DD)' })
  @IsOptional()
  @IsIsoDay()
  replyDueDate?: string;
}

export class DeliberationReplyDto {
  @ApiProperty({ description: '研究处理情况 / the bureau’s reply' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  reply!: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { SUPERVISION_SOURCE, SupervisionCaseStatus, SupervisionSource } from '@oversight/contracts';
import { PageQuery } from '@oversight/platform';
import { MAX_RECTIFICATION_DAYS } from './deadline-rules';

const SOURCES = Object.values(SUPERVISION_SOURCE);
const STATUSES: SupervisionCaseStatus[] = [
  'filing-review',
  'investigation',
  'decision-review',
  'rectification',
  'closed',
  'dismissed',
];

export class OpenSupervisionCaseDto {
  @ApiProperty({ description: '案件来源 / source', enum: SOURCES })
  @IsIn(SOURCES)
  source!: SupervisionSource;

  @ApiPropertyOptional({ description: '来源编号 / source reference (complaint number, article, file…)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  sourceRef?: string;

  @ApiProperty({ description: '被监督单位 / agency or town (organisation code)', example: 'scjg' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  agencyCode!: string;

  @ApiProperty({ description: '案由 / subject (one line)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject!: string;

  @ApiProperty({ description: '基本事实 / facts' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  facts!: string;
}

export class FilingDecisionDto {
  @ApiProperty({ description: '立案决定 / file or dismiss', enum: ['file', 'dismiss'] })
  @IsIn(['file', 'dismiss'])
  decision!: 'file' | 'dismiss';

  @ApiPropertyOptional({ description: '审批意见 / opinion (reasons required to dismiss)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  opinion?: string;
}

export class InvestigationDto {
  @ApiProperty({ description: '调查认定的事实 / findings' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  findings!: string;

  @ApiProperty({ description: '拟处理意见类别 / proposal', enum: ['no-fault', 'fault'] })
  @IsIn(['no-fault', 'fault'])
  proposal!: 'no-fault' | 'fault';

  @ApiProperty({ description: '拟处理意见 / proposed handling' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  proposedHandling!: string;

  @ApiPropertyOptional({
    description: '监督文书 / instrument (建议书 or 监督检查意见书; required for a fault)',
    enum: ['suggestion', 'opinion'],
  })
  @IsOptional()
  @IsIn(['suggestion', 'opinion'])
  instrument?: 'suggestion' | 'opinion';

  @ApiPropertyOptional({ description: '整改要求 / what the agency must correct (required for a fault)' })
  @IsOptional()
  @IsString()
  @MaxLength(3000)
  requirements?: string;

  @ApiPropertyOptional({ description: '整改期限（日）/ rectification period in days (default by rule)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_RECTIFICATION_DAYS)
  rectificationDays?: number;
}

export class HandlingDecisionDto {
  @ApiProperty({ description: '处理审批 / approve, or return to investigation', enum: ['approve', 'return'] })
  @IsIn(['approve', 'return'])
  decision!: 'approve' | 'return';

  @ApiPropertyOptional({ description: '审批意见 / opinion (reasons required to return)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  opinion?: string;
}

export class RectificationReplyDto {
  @ApiProperty({ description: '整改情况 / what was corrected' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  report!: string;

  @ApiProperty({ description: '整改措施 / measures taken to prevent recurrence' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(3000)
  measures!: string;
}

export class RectificationReviewDto {
  @ApiProperty({ description: '审查结论 / accept or reject the rectification', enum: ['accept', 'reject'] })
  @IsIn(['accept', 'reject'])
  decision!: 'accept' | 'reject';

  @ApiPropertyOptional({ description: '审查意见 / opinion (reasons required to reject)' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  opinion?: string;

  @ApiPropertyOptional({
    description: '再次整改期限（日）/ new rectification period in days (default by rule)',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_RECTIFICATION_DAYS)
  rectificationDays?: number;
}

export class SupervisionCaseQuery extends PageQuery {
  @ApiPropertyOptional({ description: '状态 / status', enum: STATUSES })
  @IsOptional()
  @IsIn(STATUSES)
  status?: SupervisionCaseStatus;

  @ApiPropertyOptional({ description: '被监督单位 / agency code' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  agency?: string;

  @ApiPropertyOptional({ description: '来源 / source', enum: SOURCES })
  @IsOptional()
  @IsIn(SOURCES)
  source?: SupervisionSource;

  @ApiPropertyOptional({ description: '是否逾期 / overdue (true or false)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;
}

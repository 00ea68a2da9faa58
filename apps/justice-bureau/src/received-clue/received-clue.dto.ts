import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { PageQuery } from '@oversight/platform';
import type { ReceivedClueStatus } from './received-clue.entity';

export const BUREAU_MEASURES = {
  'supervision-notice': { zh: '发出督办通知', en: 'supervision notice' },
  interview: { zh: '约谈执法单位负责人', en: 'interview of the agency’s head' },
  'supervision-advice': { zh: '制发行政执法监督建议书', en: 'supervision advice' },
  'supervision-case': { zh: '立案监督调查', en: 'supervision case' },
} as const;

export const BUREAU_RESULTS = {
  rectified: { zh: '责令整改，已整改到位', en: 'rectification ordered and done' },
  'advice-issued': { zh: '已制发行政执法监督建议书', en: 'supervision advice issued' },
  accountability: { zh: '建议追究执法责任', en: 'accountability recommended' },
  unfounded: { zh: '经核查问题不属实', en: 'not substantiated' },
} as const;

export class BureauJurisdictionDto {
  @ApiProperty({ enum: ['keep', 'return'], description: '受理意见 / keep it or return it to the sender' })
  @IsIn(['keep', 'return'])
  decision!: 'keep' | 'return';

  @ApiPropertyOptional({ description: '说明 / remark told to the sender (required when returning)' })
  @ValidateIf((o: BureauJurisdictionDto) => o.decision === 'return' || o.remark !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  remark?: string;
}

export class BureauHandlingDto {
  @ApiProperty({ enum: Object.keys(BUREAU_MEASURES), description: '监督措施 / supervision measure' })
  @IsIn(Object.keys(BUREAU_MEASURES))
  measure!: keyof typeof BUREAU_MEASURES;

  @ApiProperty({ description: '工作记录（内部）/ internal working notes' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  workingNotes!: string;
}

export class BureauClueDecisionDto {
  @ApiProperty({ enum: Object.keys(BUREAU_RESULTS), description: '处理结果 / result' })
  @IsIn(Object.keys(BUREAU_RESULTS))
  result!: keyof typeof BUREAU_RESULTS;

  @ApiProperty({ description: '反馈意见 / conclusion told to the sender' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  conclusion!: string;

  @ApiPropertyOptional({ description: '内部审批意见 / internal opinion' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  internalOpinion?: string;
}

const STATUSES: ReceivedClueStatus[] = [
  'received',
  'registered',
  'accepted',
  'returned',
  'handled',
  'concluded',
];

export class ReceivedClueListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES, description: '状态 / status' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: ReceivedClueStatus;
}

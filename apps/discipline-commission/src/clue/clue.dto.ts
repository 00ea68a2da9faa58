import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { CLUE_DISPOSALS, ClueDisposal } from '@oversight/contracts';
import { PageQuery } from '@oversight/platform';
import type { ClueHandlingStatus } from './clue.entity';

/** Outcomes of a concluded clue, in the commission's words. */
export const COMMISSION_RESULTS = {
  clarified: { zh: '了结澄清', en: 'clarified and closed' },
  education: { zh: '谈话提醒、批评教育', en: 'reminder talk or criticism' },
  organisational: { zh: '组织处理', en: 'organisational measures' },
  'case-filed': { zh: '立案审查调查', en: 'case filed for investigation' },
  shelved: { zh: '暂存待查', en: 'shelved pending further information' },
  closed: { zh: '予以了结', en: 'closed' },
} as const;
export type CommissionResult = keyof typeof COMMISSION_RESULTS;

/** Which outcomes each disposal can lead to. */
export const RESULTS_OF_DISPOSAL: Record<ClueDisposal, CommissionResult[]> = {
  'talk-inquiry': ['clarified', 'education', 'organisational', 'case-filed'],
  'preliminary-verification': ['clarified', 'education', 'organisational', 'case-filed'],
  shelve: ['shelved'],
  close: ['closed'],
};

export class JurisdictionDto {
  @ApiProperty({
    enum: ['keep', 'forward', 'return'],
    description: '管辖意见 / keep it, forward it to the competent commission, or return it',
  })
  @IsIn(['keep', 'forward', 'return'])
  decision!: 'keep' | 'forward' | 'return';

  @ApiPropertyOptional({ description: '转送机关 / competent commission (required when forwarding)' })
  @ValidateIf((o: JurisdictionDto) => o.decision === 'forward')
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  forwardTo?: string;

  @ApiPropertyOptional({ description: '说明 / remark told to the sender (required when returning)' })
  @ValidateIf((o: JurisdictionDto) => o.decision === 'return' || o.remark !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  remark?: string;
}

export class DisposalDto {
  @ApiProperty({ enum: Object.keys(CLUE_DISPOSALS), description: '处置方式 / disposal' })
  @IsIn(Object.keys(CLUE_DISPOSALS))
  disposal!: ClueDisposal;

  @ApiProperty({ description: '拟处置理由（内部）/ why this disposal (internal)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class HandlingDto {
  @ApiProperty({ description: '谈话函询或初步核实工作记录（内部）/ working notes (internal)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  workingNotes!: string;
}

export class ClueDecisionDto {
  @ApiProperty({ enum: Object.keys(COMMISSION_RESULTS), description: '处置结果 / result' })
  @IsIn(Object.keys(COMMISSION_RESULTS))
  result!: CommissionResult;

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

const STATUSES: ClueHandlingStatus[] = [
  'received',
  'registered',
  'accepted',
  'forwarded',
  'returned',
  'disposal-chosen',
  'handled',
  'concluded',
];

export class ClueListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES, description: '状态 / status' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: ClueHandlingStatus;
}

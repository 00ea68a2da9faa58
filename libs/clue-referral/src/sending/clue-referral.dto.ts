import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import type { ClueSourceType } from '@oversight/contracts';
import { PageQuery } from '@oversight/platform';
import type { ReferralStatus } from './clue-referral.entity';

export class ClueSubjectDto {
  @ApiProperty({ description: '姓名 / name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiPropertyOptional({ description: '身份 / identity, e.g. 中共党员、公职人员' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  identity?: string;

  @ApiPropertyOptional({ description: '职级 / rank, e.g. 一级科员' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  rank?: string;

  @ApiPropertyOptional({ description: '所在单位 / organisation' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  org?: string;

  @ApiPropertyOptional({ description: '职务 / position' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  position?: string;
}

/** The letter's content; every part may stay empty in a draft and is checked on submission. */
export class ClueReferralContentDto {
  @ApiPropertyOptional({ type: [ClueSubjectDto], description: '被反映人 / subjects' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => ClueSubjectDto)
  subjects?: ClueSubjectDto[];

  @ApiPropertyOptional({ description: '主要问题事实 / facts' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  facts?: string;

  @ApiPropertyOptional({ description: '法律依据 / legal basis' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  legalBasis?: string;

  @ApiPropertyOptional({ description: '处置建议 / suggested disposal' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  suggestedDisposal?: string;
}

/**
 * The create request of a body: the shared content, the body's own source types and what its source
 * reference is (for the API description).
 */
export function createClueReferralDto<const T extends readonly ClueSourceType[]>(
  sourceTypes: T,
  sourceRefDescription: string,
) {
  class CreateClueReferralDto extends ClueReferralContentDto {
    @ApiProperty({ enum: sourceTypes, description: '线索来源 / source type' })
    @IsIn(sourceTypes)
    sourceType!: T[number];

    @ApiProperty({ description: sourceRefDescription })
    @IsString()
    @IsNotEmpty()
    @MaxLength(100)
    sourceRef!: string;

    @ApiPropertyOptional({
      description: '认定日期 / date of the conclusive finding (YYYY-MM-DD, default today)',
    })
    @IsOptional()
    @Matches(/^\d{4}-\d{2}-\d{2}$/)
    foundOn?: string;
  }
  return CreateClueReferralDto;
}

export class EvidenceItemDto {
  @ApiProperty({ description: '证据材料名称及说明 / what the item is' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  description!: string;
}

export class ReferralApprovalDto {
  @ApiProperty({ enum: ['approve', 'return'], description: '审批意见 / decision' })
  @IsIn(['approve', 'return'])
  decision!: 'approve' | 'return';

  @ApiPropertyOptional({ description: '审批说明 / comment (required when returning)' })
  @ValidateIf((o: ReferralApprovalDto) => o.decision === 'return')
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  comment?: string;
}

const STATUSES: ReferralStatus[] = [
  'drafting',
  'submitted',
  'approved',
  'sent',
  'received',
  'in-progress',
  'concluded',
  'closed',
];

export class ClueReferralListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: STATUSES, description: '状态 / status' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: ReferralStatus;

  @ApiPropertyOptional({ description: '只看反馈逾期 / overdue feedback only' })
  @IsOptional()
  @Transform(({ value }) => value === 'true' || value === true)
  @IsBoolean()
  overdue?: boolean;
}

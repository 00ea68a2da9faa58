import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class AcceptanceDto {
  @ApiProperty({ enum: ['accept', 'reject', 'forward'], description: '受理决定 / decision' })
  @IsIn(['accept', 'reject', 'forward'])
  decision!: 'accept' | 'reject' | 'forward';

  @ApiPropertyOptional({ description: '理由 / reason (required unless accepted)' })
  @ValidateIf((o: AcceptanceDto) => o.decision !== 'accept')
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({ description: '转送机关 / competent organ (required when forwarding)' })
  @ValidateIf((o: AcceptanceDto) => o.decision === 'forward')
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  forwardTo?: string;
}

export class AssignmentDto {
  @ApiProperty({ description: '承办单位代码 / agency code', example: 'scjg' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  agencyOrg!: string;

  @ApiPropertyOptional({ description: '要求办结日期 / due date (YYYY-MM-DD, not after the statutory limit)' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate?: string;

  @ApiPropertyOptional({ description: '交办意见 / instructions' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class ObjectionDto {
  @ApiProperty({ description: '异议理由 / why the assignment is wrong' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class OfficerDto {
  @ApiProperty({ description: '姓名 / name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiPropertyOptional({ description: '职务 / position' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  position?: string;
}

export class DraftReplyDto {
  @ApiProperty({ description: '调查情况 / findings' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  findings!: string;

  @ApiProperty({ description: '答复草稿 / draft reply' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  draftReply!: string;

  @ApiProperty({ description: '投诉是否属实 / substantiated' })
  @IsBoolean()
  substantiated!: boolean;

  @ApiPropertyOptional({ type: [OfficerDto], description: '涉及执法人员 / officers involved' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => OfficerDto)
  officers?: OfficerDto[];

  @ApiPropertyOptional({ type: [String], description: '证据附件编号 / evidence attachment ids' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('4', { each: true })
  evidenceIds?: string[];
}

export class MisconductDto {
  @ApiProperty({ description: '违纪违法线索事实 / facts of the misconduct' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  facts!: string;
}

export class ReviewDto {
  @ApiProperty({ enum: ['approve', 'return'], description: '审核意见 / decision' })
  @IsIn(['approve', 'return'])
  decision!: 'approve' | 'return';

  @ApiPropertyOptional({ description: '审核意见说明 / comment (required when returning)' })
  @ValidateIf((o: ReviewDto) => o.decision === 'return')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  comment?: string;

  @ApiPropertyOptional({ type: MisconductDto, description: '发现的违纪违法问题 / misconduct found' })
  @IsOptional()
  @ValidateNested()
  @Type(() => MisconductDto)
  misconduct?: MisconductDto;
}

export class ReplyDto {
  @ApiProperty({ description: '答复意见 / the reply to the complainant' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  reply!: string;
}

export const SATISFACTION = ['satisfied', 'basically-satisfied', 'dissatisfied'] as const;

export class FollowUpDto {
  @ApiProperty({ description: '回访情况 / result of the visit' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  result!: string;

  @ApiPropertyOptional({ enum: SATISFACTION, description: '满意度 / satisfaction' })
  @IsOptional()
  @IsIn(SATISFACTION)
  satisfaction?: (typeof SATISFACTION)[number];
}

export class ExtensionRequestDto {
  @ApiProperty({ description: '延长天数 / days (at most 30 in all)' })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(30)
  length!: number;

  @ApiProperty({ description: '延期理由 / reason' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason!: string;
}

export class ExtensionDecisionDto {
  @ApiProperty({ description: '是否批准 / approved' })
  @IsBoolean()
  approved!: boolean;

  @ApiPropertyOptional({ description: '审批意见 / comment' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  comment?: string;
}

export class AppealDecisionDto {
  @ApiProperty({ enum: ['uphold', 'revise'], description: '复查/复核结论 / decision' })
  @IsIn(['uphold', 'revise'])
  decision!: 'uphold' | 'revise';

  @ApiProperty({ description: '复查/复核意见 / opinion' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  opinion!: string;
}

export class AppealRequestDto {
  @ApiProperty({ description: '申请理由 / why you disagree' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class RatingDto {
  @ApiProperty({ enum: SATISFACTION, description: '满意度 / satisfaction' })
  @IsIn(SATISFACTION)
  satisfaction!: (typeof SATISFACTION)[number];

  @ApiPropertyOptional({ description: '评价 / comment' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  comment?: string;
}

export class IdentityReadDto {
  @ApiProperty({ description: '查阅事由 / purpose of reading the identity' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  purpose!: string;
}

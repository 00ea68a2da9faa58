import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
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

/** The documents Decree 310 Art. 6 requires in the package; `other` is optional. */
export const DOCUMENT_KINDS = {
  'transfer-letter': { zh: '涉嫌犯罪案件移送书', en: 'Transfer letter' },
  'investigation-report': { zh: '涉嫌犯罪案件情况的调查报告', en: 'Investigation report' },
  'exhibit-list': { zh: '涉案物品清单', en: 'List of exhibits' },
  'inspection-report': { zh: '有关检验报告或者鉴定结论', en: 'Inspection report or expert conclusion' },
  other: { zh: '其他有关涉嫌犯罪的材料', en: 'Other materials' },
} as const;
export type DocumentKind = keyof typeof DOCUMENT_KINDS;
export const REQUIRED_DOCUMENTS: DocumentKind[] = [
  'transfer-letter',
  'investigation-report',
  'exhibit-list',
  'inspection-report',
];

export class TeamMemberDto {
  @ApiProperty({ description: '执法人员姓名 / officer name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ description: '执法证号 / enforcement certificate number' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  certificateNo!: string;
}

export class RegisterTransferDto {
  @ApiProperty({ description: '案件编号 / the agency case number' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  caseNo!: string;

  @ApiProperty({ description: '案件名称 / case title' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ description: '涉嫌罪名 / suspected offence' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  suspectedOffence!: string;

  @ApiPropertyOptional({ description: '涉案金额（元） / amount involved (yuan)' })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  amountYuan?: number;

  @ApiProperty({ description: '涉嫌犯罪事实 / facts' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  facts!: string;

  @ApiProperty({ description: '专案组成员 / special team (at least two officers)', type: [TeamMemberDto] })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => TeamMemberDto)
  team!: TeamMemberDto[];

  @ApiProperty({ description: '移送涉嫌犯罪案件的报告 / transfer report' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  report!: string;

  @ApiPropertyOptional({ description: '接收的公安机关 / receiving police organ (default gaj)' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,39}$/)
  policeOrg?: string;

  @ApiPropertyOptional({ description: '对应的行政处罚案件 / the penalty case this transfer comes from' })
  @IsOptional()
  @IsUUID()
  penaltyCaseId?: string;
}

export class DocumentDto {
  @ApiProperty({ description: '材料种类 / document kind', enum: Object.keys(DOCUMENT_KINDS) })
  @IsIn(Object.keys(DOCUMENT_KINDS))
  kind!: DocumentKind;
}

export class HeadDecisionDto {
  @ApiProperty({ description: '审批决定 / decision', enum: ['approve', 'refuse'] })
  @IsIn(['approve', 'refuse'])
  decision!: 'approve' | 'refuse';

  @ApiPropertyOptional({ description: '不批准的理由 / reasons (required for a refusal)' })
  @ValidateIf((o: HeadDecisionDto) => o.decision === 'refuse')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reasons?: string;
}

export class ReceiptDto {
  @ApiProperty({
    description: '签收或移送管辖 / accept, or forward to the competent organ',
    enum: ['accept', 'forward'],
  })
  @IsIn(['accept', 'forward'])
  decision!: 'accept' | 'forward';

  @ApiPropertyOptional({ description: '有管辖权的机关 / the competent organ (when forwarding)' })
  @ValidateIf((o: ReceiptDto) => o.decision === 'forward')
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,39}$/)
  forwardTo?: string;

  @ApiPropertyOptional({ description: '书面告知内容 / written notice to the agency (when forwarding)' })
  @ValidateIf((o: ReceiptDto) => o.decision === 'forward')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reasons?: string;
}

export class FilingDecisionDto {
  @ApiProperty({ description: '立案决定 / decision', enum: ['file', 'refuse'] })
  @IsIn(['file', 'refuse'])
  decision!: 'file' | 'refuse';

  @ApiPropertyOptional({ description: '不予立案的理由 / reasons (required for a refusal)' })
  @ValidateIf((o: FilingDecisionDto) => o.decision === 'refuse')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reasons?: string;
}

export class NoteDto {
  @ApiPropertyOptional({ description: '说明 / note' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class AgencyResponseDto {
  @ApiProperty({
    description: '执法机关意见 / the agency’s response',
    enum: ['reconsider', 'supervision', 'accept'],
  })
  @IsIn(['reconsider', 'supervision', 'accept'])
  response!: 'reconsider' | 'supervision' | 'accept';

  @ApiPropertyOptional({ description: '理由 / reasons (required for reconsideration or supervision)' })
  @ValidateIf((o: AgencyResponseDto) => o.response !== 'accept')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reasons?: string;
}

export class ReconsiderationDecisionDto {
  @ApiProperty({ description: '复议决定 / decision', enum: ['file', 'uphold'] })
  @IsIn(['file', 'uphold'])
  decision!: 'file' | 'uphold';

  @ApiPropertyOptional({ description: '理由 / reasons (required when upholding)' })
  @ValidateIf((o: ReconsiderationDecisionDto) => o.decision === 'uphold')
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reasons?: string;
}

export class SupervisionReviewDto {
  @ApiProperty({ description: '审查决定 / decision', enum: ['request-reasons', 'decline'] })
  @IsIn(['request-reasons', 'decline'])
  decision!: 'request-reasons' | 'decline';

  @ApiPropertyOptional({ description: '意见 / comment' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class PoliceReasonsDto {
  @ApiProperty({ description: '不立案理由说明 / the police’s reasons for not filing' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  reasons!: string;
}

export class ReasonsAssessmentDto {
  @ApiProperty({ description: '审查结论 / conclusion', enum: ['notify-filing', 'reasons-stand'] })
  @IsIn(['notify-filing', 'reasons-stand'])
  decision!: 'notify-filing' | 'reasons-stand';

  @ApiPropertyOptional({ description: '意见 / comment' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;
}

export class TransferListQuery {
  @ApiPropertyOptional({ description: '仅逾期 / overdue only' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => value === 'true' || value === true)
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({ description: '状态 / status' })
  @IsOptional()
  @IsString()
  status?: string;

  @ApiPropertyOptional({ description: '条数 / limit' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;

  @ApiPropertyOptional({ description: '偏移 / offset' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  offset: number = 0;
}

export class PenaltyCaseDto {
  @ApiProperty({ description: '处罚案件编号 / penalty case number' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  caseNo!: string;

  @ApiProperty({ description: '违法行为 / offence' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  offence!: string;

  @ApiProperty({ description: '涉案金额（元） / amount involved (yuan)' })
  @IsNumber({ maxDecimalPlaces: 2 })
  @Min(0)
  amountYuan!: number;

  @ApiProperty({ description: '处罚决定日期 / decision date (YYYY-MM-DD)' })
  @IsISO8601({ strict: true })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  decidedOn!: string;
}

export class SuggestionDto {
  @ApiProperty({ description: '建议移送的理由 / reasons for the suggestion' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reasons!: string;
}

export class OpinionDto {
  @ApiProperty({ description: '被建议的执法机关 / the agency' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{1,39}$/)
  agencyOrg!: string;

  @ApiProperty({ description: '事由 / subject' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  subject!: string;

  @ApiProperty({ description: '检察意见内容 / the opinion' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  content!: string;

  @ApiPropertyOptional({ description: '来源 / source (e.g. the non-prosecution decision number)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sourceRef?: string;
}

export class OpinionReplyDto {
  @ApiProperty({ description: '书面回复 / the agency’s written reply' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  reply!: string;
}

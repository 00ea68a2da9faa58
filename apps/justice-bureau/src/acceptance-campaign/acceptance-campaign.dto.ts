import { ISO_DAY } from '@oversight/platform';
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
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class StartCampaignDto {
  @ApiProperty({ description: '验收年度 / campaign year', example: 2027 })
  @IsInt()
  @Min(2020)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ description: '活动名称 / title' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ description: '工作方案报送截止日 / work plan due (YYYY-MM-DD; default 4/30)' })
  @IsOptional()
  @Matches(ISO_DAY)
  planDueDate?: string;

  @ApiPropertyOptional({ description: '创建阶段开始日 / creation period starts (default 4/21)' })
  @IsOptional()
  @Matches(ISO_DAY)
  creationStartDate?: string;

  @ApiPropertyOptional({ description: '自查开始日 / self-check opens (default 8/10)' })
  @IsOptional()
  @Matches(ISO_DAY)
  selfCheckStartDate?: string;

  @ApiPropertyOptional({ description: '自查结束日 / self-check closes (default 8/15)' })
  @IsOptional()
  @Matches(ISO_DAY)
  selfCheckEndDate?: string;

  @ApiPropertyOptional({ description: '验收开始日 / acceptance opens (default 8/16)' })
  @IsOptional()
  @Matches(ISO_DAY)
  acceptanceStartDate?: string;

  @ApiPropertyOptional({ description: '验收结束日 / acceptance closes (default 8/25)' })
  @IsOptional()
  @Matches(ISO_DAY)
  acceptanceEndDate?: string;

  @ApiPropertyOptional({ description: '评估总结开始日 / summary opens (default 8/26)' })
  @IsOptional()
  @Matches(ISO_DAY)
  summaryStartDate?: string;

  @ApiPropertyOptional({ description: '评估总结结束日 / summary closes (default 9/15)' })
  @IsOptional()
  @Matches(ISO_DAY)
  summaryEndDate?: string;

  @ApiPropertyOptional({
    description:
      '参加单位 / participating units (organisation codes; default every county department and town)',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  participants?: string[];

  @ApiPropertyOptional({ description: '合格分数线 / pass mark, percent (default 80)' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(100)
  passScore?: number;
}

export class WorkPlanDto {
  @ApiProperty({ description: '方案名称 / title' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ description: '主要内容 / summary' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary!: string;

  @ApiProperty({ description: '方案文件 / uploaded plan documents (evidence ids)', type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  documentIds!: string[];
}

export class ProgressDto {
  @ApiProperty({ description: '进展情况 / what was done' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;

  @ApiPropertyOptional({ description: '对应验收条目 / checklist items it concerns', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  itemCodes?: string[];

  @ApiProperty({ description: '佐证材料 / evidence ids', type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  evidenceIds!: string[];
}

export class SelfCheckItemDto {
  @ApiProperty({ description: '条目编号 / checklist item code', example: '2.2' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10)
  itemCode!: string;

  @ApiProperty({ description: '自评得分 / score' })
  @IsNumber()
  score!: number;

  @ApiProperty({ description: '佐证材料 / evidence ids', type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  evidenceIds!: string[];

  @ApiPropertyOptional({ description: '说明 / note' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class SelfCheckDto {
  @ApiProperty({ description: '自查报告 / self-check report' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary!: string;

  @ApiProperty({ description: '逐项自评 / per-item scores', type: [SelfCheckItemDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => SelfCheckItemDto)
  items!: SelfCheckItemDto[];
}

export class InspectionItemDto {
  @ApiProperty({ description: '条目编号 / checklist item code', example: '2.2' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10)
  itemCode!: string;

  @ApiProperty({ description: '验收得分 / score' })
  @IsNumber()
  score!: number;

  @ApiPropertyOptional({ description: '扣分理由 / comment' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  note?: string;
}

export class InspectionDto {
  @ApiProperty({ description: '逐项评分 / per-item scores', type: [InspectionItemDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => InspectionItemDto)
  items!: InspectionItemDto[];

  @ApiProperty({
    enum: ['accept', 'rectify', 'fail'],
    description: '验收结论 / decision (fail only at a re-inspection)',
  })
  @IsIn(['accept', 'rectify', 'fail'])
  decision!: 'accept' | 'rectify' | 'fail';

  @ApiProperty({ description: '验收意见 / opinion' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  opinion!: string;

  @ApiPropertyOptional({ description: '整改要求 / what must be rectified (required to order rectification)' })
  @ValidateIf((o: InspectionDto) => o.decision === 'rectify')
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  rectificationRequirements?: string;

  @ApiPropertyOptional({
    description: '整改期限 / rectification due date (YYYY-MM-DD; default from the rule)',
  })
  @IsOptional()
  @Matches(ISO_DAY)
  rectificationDueDate?: string;

  @ApiPropertyOptional({ description: '验收组成员 / inspectors', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  inspectors?: string[];
}

export class RectificationDto {
  @ApiProperty({ description: '整改报告 / rectification report' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  report!: string;

  @ApiProperty({ description: '佐证材料 / evidence ids', type: [String] })
  @IsArray()
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  evidenceIds!: string[];
}

export class SummaryDto {
  @ApiProperty({ description: '总结报告正文 / the summary' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(10000)
  summary!: string;

  @ApiPropertyOptional({ description: '报告文号 / report number' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  reportNumber?: string;
}

export class EvidenceUploadDto {
  @ApiPropertyOptional({ description: '对应验收条目 / checklist item' })
  @IsOptional()
  @IsString()
  @MaxLength(10)
  itemCode?: string;
}

export class BoardQuery {
  @ApiPropertyOptional({ description: '阶段 / stage filter' })
  @IsOptional()
  @IsString()
  stage?: string;

  @ApiPropertyOptional({ description: '仅逾期 / late units only (true/false)' })
  @IsOptional()
  @IsIn(['true', 'false'])
  late?: 'true' | 'false';
}

export class AssessmentInputQuery {
  @ApiProperty({ description: '考核年度 / assessment year' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ description: '单位 / unit code' })
  @IsOptional()
  @IsString()
  unit?: string;
}

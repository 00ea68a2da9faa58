import { IsIsoDay } from '@oversight/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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

export class StandardItemDto {
  @ApiProperty({ example: 'procedure' })
  @IsString()
  @Matches(/^[a-z][a-z0-9-]{0,39}$/)
  code!: string;

  @ApiProperty({ example: '执法程序' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  title!: string;

  @ApiProperty({ description: '分值 / maximum points', example: 20 })
  @IsNumber()
  @Min(0.5)
  @Max(100)
  weight!: number;

  @ApiProperty({ description: '评查内容 / what the reviewer checks' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  checks!: string;
}

export class OpenRoundDto {
  @ApiProperty({ enum: ['annual', 'cross', 'third-party'], description: '年度 / 交叉 / 第三方评查' })
  @IsIn(['annual', 'cross', 'third-party'])
  kind!: 'annual' | 'cross' | 'third-party';

  @ApiProperty({ example: 2027 })
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

  @ApiProperty({ description: '参评单位 / agencies in scope (organisation codes)', type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  agencies!: string[];

  @ApiPropertyOptional({
    description: '评查标准条目 / standard items (default: the county standard)',
    type: [StandardItemDto],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => StandardItemDto)
  items?: StandardItemDto[];

  @ApiPropertyOptional({ description: '合格分数线 / pass mark (default 70)' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1000)
  passMark?: number;

  @ApiPropertyOptional({ description: '优秀分数线 / excellence mark (default 90)' })
  @IsOptional()
  @IsNumber()
  @Min(0)
  @Max(1000)
  excellenceMark?: number;
}

/** The form fields sent with a case file's PDF (multipart). */
export class SubmitFileDto {
  @ApiProperty({ description: '案号 / case number' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  caseNumber!: string;

  @ApiProperty({ description: '案件类别 / kind, e.g. 行政处罚' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  caseKind!: string;

  @ApiProperty({ description: '案件名称 / title' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ description: '决定日期 / decision date (YYYY-MM-DD)' })
  @IsIsoDay()
  @IsISO8601({ strict: true })
  decisionDate!: string;
}

export class DrawFileDto extends SubmitFileDto {
  @ApiProperty({ description: '被抽查单位 / the agency whose file is drawn' })
  @IsString()
  @IsNotEmpty()
  agencyCode!: string;
}

export class AssignReviewerDto {
  @ApiProperty({
    enum: ['bureau', 'agency', 'expert'],
    description: '司法局人员 / 其他单位人员（交叉评查）/ 第三方专家',
  })
  @IsIn(['bureau', 'agency', 'expert'])
  kind!: 'bureau' | 'agency' | 'expert';

  @ApiProperty({ description: '姓名 / name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiPropertyOptional({ description: '账号 / account of a bureau or agency reviewer' })
  @ValidateIf((o: AssignReviewerDto) => o.kind !== 'expert')
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  userId?: string;

  @ApiPropertyOptional({ description: '所在单位代码 / organisation code of an agency reviewer' })
  @ValidateIf((o: AssignReviewerDto) => o.kind === 'agency')
  @IsString()
  @IsNotEmpty()
  orgCode?: string;

  @ApiPropertyOptional({ description: '专家所在单位 / an expert’s organisation' })
  @ValidateIf((o: AssignReviewerDto) => o.kind === 'expert')
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  affiliation?: string;

  @ApiProperty({ description: '分配评查的案卷 / files to review', type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(500)
  @IsUUID('all', { each: true })
  fileIds!: string[];
}

export class ItemScoreDto {
  @ApiProperty({ example: 'procedure' })
  @IsString()
  @IsNotEmpty()
  code!: string;

  @ApiProperty({ example: 18 })
  @IsNumber()
  score!: number;

  @ApiPropertyOptional({ description: '评查意见 / finding' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  finding?: string;
}

export class ScoreFileDto {
  @ApiProperty({ description: '评查人 / reviewer id (from the assignment)' })
  @IsUUID()
  reviewerId!: string;

  @ApiProperty({ type: [ItemScoreDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ItemScoreDto)
  items!: ItemScoreDto[];

  @ApiPropertyOptional({ description: '总体评查意见 / overall opinion' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  opinion?: string;
}

export class PublishGuidingCaseDto {
  @ApiProperty({ description: '案例标题 / title (no personal data)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ description: '基本案情 / summary' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  summary!: string;

  @ApiProperty({ description: '指导意义 / the lesson' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  lesson!: string;

  @ApiPropertyOptional({ description: '须隐去的当事人姓名 / parties’ names to mask', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  partyNames?: string[];
}

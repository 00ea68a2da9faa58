import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';

export class ScheduleMeetingDto {
  @ApiProperty({ description: '会议名称 / title' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ enum: ['regular', 'ad-hoc'], description: '会议类型 / regular or ad hoc' })
  @IsIn(['regular', 'ad-hoc'])
  kind!: 'regular' | 'ad-hoc';

  @ApiProperty({ description: '会议时间 / when (ISO 8601)' })
  @IsISO8601()
  scheduledAt!: string;

  @ApiPropertyOptional({ description: '地点 / location' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  location?: string;
}

export class AgendaItemDto {
  @ApiProperty({ enum: ['transfer', 'resolution', 'custom'], description: '议题来源 / source' })
  @IsIn(['transfer', 'resolution', 'custom'])
  source!: 'transfer' | 'resolution' | 'custom';

  @ApiProperty({ description: '议题 / title' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  title!: string;

  @ApiPropertyOptional({ description: '移送事项类型 / transfer kind' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  transferKind?: string;

  @ApiPropertyOptional({ description: '移送事项编号 / transfer source ref' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  transferSourceRef?: string;

  @ApiPropertyOptional({ description: '议定事项编号 / resolution id' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  resolutionId?: string;

  @ApiPropertyOptional({ description: '说明 / note' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string;
}

export class AgendaDto {
  @ApiProperty({ type: [AgendaItemDto], description: '议程 / agenda items in order' })
  @IsArray()
  @ArrayMaxSize(300)
  @ValidateNested({ each: true })
  @Type(() => AgendaItemDto)
  items!: AgendaItemDto[];
}

export class AttendeeDto {
  @ApiProperty({ description: '单位 / organisation' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  org!: string;

  @ApiProperty({ description: '姓名 / name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;
}

export class AttendanceDto {
  @ApiProperty({ type: [AttendeeDto], description: '参会人员 / attendees' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => AttendeeDto)
  attendees!: AttendeeDto[];
}

export class MinutesDto {
  @ApiProperty({ description: '会议纪要 / minutes' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50000)
  minutes!: string;
}

export class ResolutionDto {
  @ApiProperty({ description: '议定事项 / what was decided' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  title!: string;

  @ApiProperty({ description: '责任单位 / owner organisation' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  ownerOrg!: string;

  @ApiProperty({ description: '完成期限 / due date (YYYY-MM-DD)' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/)
  dueDate!: string;

  @ApiPropertyOptional({ description: '所涉移送事项类型 / transfer kind it concerns' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  transferKind?: string;

  @ApiPropertyOptional({ description: '所涉移送事项编号 / transfer source ref' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  transferSourceRef?: string;
}

export class CloseResolutionDto {
  @ApiProperty({ description: '落实情况 / outcome' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  outcome!: string;
}

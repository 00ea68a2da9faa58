import { IsIsoDay } from '@oversight/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';

export class AddNegativeEntryDto {
  @ApiProperty({ enum: ['matter', 'officer'], description: '执法事项 / 执法人员' })
  @IsIn(['matter', 'officer'])
  subject!: 'matter' | 'officer';

  @ApiProperty({ description: '单位代码 / organisation code' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(40)
  org!: string;

  @ApiPropertyOptional({ description: '执法事项（subject=matter 时必填）/ the matter' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  matter?: string;

  @ApiPropertyOptional({ description: '登记在册的人员 / a registered person' })
  @IsOptional()
  @IsUUID()
  personId?: string;

  @ApiPropertyOptional({ description: '人员姓名（未登记在册时）/ name if not registered' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  personName?: string;

  @ApiProperty({ description: '列入理由 / reason' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ description: '依据（默认《实施方案》四（三）6）/ basis' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  basis?: string;

  @ApiPropertyOptional({ description: '列入日期（默认今日）/ listed on' })
  @IsOptional()
  @IsIsoDay()
  listedOn?: string;
}

export class RemoveNegativeEntryDto {
  @ApiProperty({ description: '移出理由 / why it is removed' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;
}

export class NegativeEntryQuery {
  @ApiPropertyOptional({ description: '含已移出 / include removed entries' })
  @IsOptional()
  @Transform(({ value }) => value === true || value === 'true')
  @IsBoolean()
  includeRemoved?: boolean;
}

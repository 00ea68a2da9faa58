import { IsIsoDay } from '@oversight/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class RegisterPersonDto {
  @ApiPropertyOptional({ description: '所在单位代码（司法局代为登记时填写）/ organisation (bureau only)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  org?: string;

  @ApiProperty({ description: '姓名 / name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  name!: string;

  @ApiProperty({ enum: ['officer', 'auxiliary'], description: '执法人员 / 执法辅助人员' })
  @IsIn(['officer', 'auxiliary'])
  kind!: 'officer' | 'auxiliary';

  @ApiPropertyOptional({ description: '单位内工号 / staff number' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  staffNumber?: string;

  @ApiPropertyOptional({ description: '岗位 / post' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  post?: string;

  @ApiPropertyOptional({ description: '编制类型，如 行政编制、参公事业编制 / staffing type' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  staffingType?: string;
}

export class DepartureDto {
  @ApiProperty({ description: '离岗日期 / left on (YYYY-MM-DD)' })
  @IsIsoDay()
  leftOn!: string;
}

export class IssueCertificateDto {
  @ApiPropertyOptional({ description: '发证日期（默认今日）/ issued on' })
  @IsOptional()
  @IsIsoDay()
  issuedOn?: string;

  @ApiPropertyOptional({ description: '有效期至 / expires on' })
  @IsOptional()
  @IsIsoDay()
  expiresOn?: string;
}

export class CertificateDecisionDto {
  @ApiProperty({ description: '理由 / reason' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiProperty({ description: '依据 / basis (rule or decision)' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  basis!: string;
}

export class RevokeCertificateDto extends CertificateDecisionDto {
  @ApiProperty({
    enum: ['revoke', 'cancel'],
    description: 'revoke 吊销（过错）/ cancel 注销（离岗、不适应岗位等）',
  })
  @IsIn(['revoke', 'cancel'])
  action!: 'revoke' | 'cancel';
}

export class ReviewDecisionDto extends CertificateDecisionDto {
  @ApiProperty({ description: '清理年度 / review year' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiProperty({ enum: ['keep', 'suspend', 'revoke', 'cancel'], description: '保留 / 暂扣 / 吊销 / 注销' })
  @IsIn(['keep', 'suspend', 'revoke', 'cancel'])
  decision!: 'keep' | 'suspend' | 'revoke' | 'cancel';
}

export class PeopleQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  org?: string;

  @ApiPropertyOptional({ enum: ['officer', 'auxiliary'] })
  @IsOptional()
  @IsIn(['officer', 'auxiliary'])
  kind?: 'officer' | 'auxiliary';
}

export class CertificateQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(40)
  org?: string;

  @ApiPropertyOptional({ enum: ['valid', 'suspended', 'revoked', 'cancelled'] })
  @IsOptional()
  @IsIn(['valid', 'suspended', 'revoked', 'cancelled'])
  status?: string;
}

export class ReviewQuery {
  @ApiProperty({ description: '清理年度 / year' })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year!: number;

  @ApiPropertyOptional({ description: '截至日期（默认今日）/ as of (YYYY-MM-DD)' })
  @IsOptional()
  @IsIsoDay()
  asOf?: string;
}

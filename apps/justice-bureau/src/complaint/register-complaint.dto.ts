import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
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
import type { ComplaintChannel } from '@oversight/contracts';

export const CHANNELS: ComplaintChannel[] = ['web', 'api', 'open311', 'hotline', 'wechat', 'referral-12345'];
/** Channels only staff may register through (taken by phone or referred by the 12345 hotline). */
export const STAFF_CHANNELS: ComplaintChannel[] = ['hotline', 'referral-12345', 'wechat'];

/** Categories of enforcement conduct complained about. */
export const CATEGORIES = {
  'improper-enforcement': '执法不规范',
  inaction: '不作为、慢作为',
  'arbitrary-penalty': '乱罚款、乱收费',
  'abuse-of-power': '滥用职权',
  attitude: '态度恶劣',
  other: '其他',
} as const;

export class ComplainantDto {
  @ApiProperty({ description: '姓名 / name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(50)
  name!: string;

  @ApiProperty({ description: '联系电话 / phone' })
  @IsString()
  @Matches(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/)
  phone!: string;

  @ApiPropertyOptional({ description: '身份证号 / citizen id number' })
  @IsOptional()
  @Matches(/^\d{17}[\dXx]$/)
  idNumber?: string;

  @ApiPropertyOptional({ description: '地址 / address' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  address?: string;
}

export class RegisterComplaintDto {
  @ApiPropertyOptional({ enum: CHANNELS, default: 'web', description: '来源渠道 / intake channel' })
  @IsOptional()
  @IsIn(CHANNELS)
  channel: ComplaintChannel = 'web';

  @ApiProperty({ description: '是否匿名 / anonymous' })
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  anonymous!: boolean;

  @ApiPropertyOptional({
    type: ComplainantDto,
    description: '实名投诉人信息，匿名时不填 / required unless anonymous',
  })
  @ValidateIf((o: RegisterComplaintDto) => !o.anonymous || o.complainant !== undefined)
  @ValidateNested()
  @Type(() => ComplainantDto)
  @IsNotEmpty()
  complainant?: ComplainantDto;

  @ApiProperty({
    description: '被投诉单位代码 / organisation code of the agency complained about',
    example: 'scjg',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(20)
  respondentOrg!: string;

  @ApiProperty({ enum: Object.keys(CATEGORIES), description: '投诉类别 / category' })
  @IsIn(Object.keys(CATEGORIES))
  category!: keyof typeof CATEGORIES;

  @ApiPropertyOptional({ description: '涉及执法事项 / enforcement matter complained about', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  matter?: string;

  @ApiProperty({ description: '事由摘要 / summary', maxLength: 200 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(200)
  summary!: string;

  @ApiProperty({ description: '详细情况 / details', maxLength: 5000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(5000)
  details!: string;
}

export interface ComplaintReceipt {
  id: string;
  trackingCode: string;
  status: string;
  acceptanceDueAt: string;
  acceptanceRule: { basis: string; length: number; unit: string };
  attachments: { id: string; filename: string; size: number }[];
}

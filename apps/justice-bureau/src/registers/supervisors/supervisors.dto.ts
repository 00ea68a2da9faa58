import { IsIsoDay } from '@oversight/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

/** Where supervisors are drawn from (plan 四（四）6 and 7). */
export const SUPERVISOR_CATEGORIES = {
  'legal-adviser': '法律顾问',
  lawyer: '律师（含公职律师）',
  deputy: '人大代表',
  'cppcc-member': '政协委员',
  expert: '专家学者',
  journalist: '新闻工作者',
  enterprise: '企业职工',
  'rural-legal': '农村法律顾问、法律明白人、普法志愿者',
} as const;
export type SupervisorCategory = keyof typeof SUPERVISOR_CATEGORIES;
const CATEGORIES = Object.keys(SUPERVISOR_CATEGORIES);

export class AppointSupervisorDto {
  @ApiProperty({ description: '姓名 / name' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  name!: string;

  @ApiProperty({ enum: CATEGORIES, description: '类别 / category' })
  @IsIn(CATEGORIES)
  category!: SupervisorCategory;

  @ApiPropertyOptional({ description: '工作单位 / affiliation' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  affiliation?: string;

  @ApiPropertyOptional({ description: '联系方式 / contact' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  contact?: string;

  @ApiPropertyOptional({ description: '镇级监督员库所属镇（区）代码 / town of the town-level pool' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  town?: string;

  @ApiProperty({ description: '聘期起 / term start' })
  @IsIsoDay()
  termStart!: string;

  @ApiProperty({ description: '聘期止 / term end' })
  @IsIsoDay()
  termEnd!: string;
}

export class EndAppointmentDto {
  @ApiProperty({ description: '解聘理由 / reason' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  reason!: string;

  @ApiPropertyOptional({ description: '解聘日期（默认今日）/ ended on' })
  @IsOptional()
  @IsIsoDay()
  endedOn?: string;
}

export class SupervisorQuery {
  @ApiPropertyOptional({ description: '镇（区）代码；county = 县级 / town code, or county' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  town?: string;

  @ApiPropertyOptional({ enum: CATEGORIES })
  @IsOptional()
  @IsIn(CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ description: '仅在聘 / active only', enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  active?: string;
}

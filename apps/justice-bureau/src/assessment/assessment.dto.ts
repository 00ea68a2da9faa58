import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsNotEmpty, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';

export class SetWeightsDto {
  @ApiProperty({
    description: '各项指标权重 / weight per indicator code (non-negative, adding up to 100)',
    example: {
      'on-time-rate': 20,
      complaints: 15,
      corrections: 15,
      'case-file-review': 20,
      training: 10,
      acceptance: 10,
      satisfaction: 10,
    },
  })
  @IsObject()
  weights!: Record<string, unknown>;

  @ApiPropertyOptional({ description: '说明 / note (e.g. the meeting that decided them)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  note?: string;
}

export class PublishRunDto {
  @ApiPropertyOptional({ description: '替代已发布结果 / replace the year’s published run explicitly' })
  @IsOptional()
  @IsBoolean()
  supersede?: boolean;

  @ApiPropertyOptional({
    description: '替代理由 / why the published run is replaced (required to supersede)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  reason?: string;
}

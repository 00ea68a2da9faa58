import { Expose, Transform, Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Min } from 'class-validator';
import { ServiceConfig } from '@oversight/config';

/** The procuratorate's own settings on top of every service's (domain.md §2.2, [local] items). */
export class ProcuratorateConfig extends ServiceConfig {
  /**
   * 应移未移: an agency penalty case whose amount (yuan) reaches this is listed for the procuratorate as
   * possibly criminal. County practice; 50,000 yuan is the common 立案追诉标准 of many economic offences.
   */
  @Expose({ name: 'CRIMINAL_TRANSFER_THRESHOLD_YUAN' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  transferThresholdYuan: number = 50000;

  /** Whether the justice bureau also receives the copy (抄送) of every transfer (some provinces do). */
  @Expose({ name: 'CRIMINAL_TRANSFER_COPY_JUSTICE_BUREAU' })
  @IsOptional()
  @Transform(({ obj, value }: { obj: Record<string, unknown>; value: unknown }) => {
    const raw = obj.CRIMINAL_TRANSFER_COPY_JUSTICE_BUREAU;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    return raw === undefined ? value : raw;
  })
  @IsBoolean()
  copyJusticeBureau: boolean = true;
}

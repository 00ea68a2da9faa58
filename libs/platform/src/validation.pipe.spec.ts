import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsString, Matches, ValidateNested } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { IsIsoDay } from './iso-day';
import { toFieldErrors } from './validation.pipe';

class PersonDto {
  @ApiProperty({ description: '联系电话 / phone' })
  @Matches(/^1\d{10}$/)
  phone!: string;
}

class FormDto {
  @ApiProperty({ description: '事由摘要 / summary' })
  @IsString()
  @IsNotEmpty()
  summary!: string;

  @ApiProperty({ description: 'no Chinese here' })
  @IsString()
  code!: string;

  @ValidateNested()
  @Type(() => PersonDto)
  person!: PersonDto;
}

describe('field errors', () => {
  const errors = toFieldErrors(
    validateSync(plainToInstance(FormDto, { summary: '', code: 1, person: { phone: '123' } })),
  );

  it('names a field by its Chinese label and keeps the path for machines and English', () => {
    expect(errors).toContainEqual({
      field: 'summary',
      zh: '事由摘要：不能为空',
      en: 'summary must not be empty',
    });
  });

  it('falls back to the field path when the field has no Chinese label', () => {
    expect(errors).toContainEqual({ field: 'code', zh: 'code：必须是文字', en: 'code must be text' });
  });

  it('reports nested fields with their full path', () => {
    expect(errors).toContainEqual({
      field: 'person.phone',
      zh: '联系电话：格式不正确',
      en: 'person.phone has the wrong format',
    });
  });
});

describe('calendar days', () => {
  class DayDto {
    @ApiProperty({ description: '日期 / day' })
    @IsIsoDay()
    day!: string;
  }
  const check = (day: unknown) => toFieldErrors(validateSync(plainToInstance(DayDto, { day })));

  it('takes a real day written YYYY-MM-DD', () => {
    expect(check('2028-02-29')).toEqual([]);
  });

  it.each(['2026-02-30', '2026-13-01', '2026-1-5', '05/01/2026', 20260501])(
    'refuses %s with a clear message',
    (day) => {
      expect(check(day)).toEqual([
        { field: 'day', zh: '日期：不是有效的日期（年-月-日）', en: 'day is not a valid day (YYYY-MM-DD)' },
      ]);
    },
  );
});

import { plainToInstance } from 'class-transformer';
import { IsOptional, IsString, validateSync } from 'class-validator';
import { PageQuery } from './page-query';

class SomeListQuery extends PageQuery {
  @IsOptional()
  @IsString()
  status?: string;
}

const parse = (query: Record<string, string>) => {
  const dto = plainToInstance(SomeListQuery, query);
  return { dto, errors: validateSync(dto, { whitelist: true, forbidNonWhitelisted: true }) };
};

describe('PageQuery', () => {
  it('gives a subclass 50 rows from the start unless asked otherwise', () => {
    expect(parse({ status: 'x' })).toMatchObject({ dto: { status: 'x', limit: 50, offset: 0 }, errors: [] });
  });

  it('reads limit and offset from the query string as numbers', () => {
    expect(parse({ limit: '20', offset: '40' })).toMatchObject({
      dto: { limit: 20, offset: 40 },
      errors: [],
    });
  });

  it('refuses a page over 200 rows or a negative offset', () => {
    expect(parse({ limit: '201', offset: '-1' }).errors.map((e) => e.property)).toEqual(['limit', 'offset']);
  });
});

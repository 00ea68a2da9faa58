import { inlined, sqlLiteral } from './statement-batch.util';

describe('statements with their parameters written in', () => {
  it('writes each kind of value as PostgreSQL reads it back', () => {
    expect(sqlLiteral(null)).toBe('NULL');
    expect(sqlLiteral(undefined)).toBe('NULL');
    expect(sqlLiteral(true)).toBe('TRUE');
    expect(sqlLiteral(42)).toBe('42');
    expect(sqlLiteral(-1.5)).toBe('-1.5');
    expect(sqlLiteral("O'Brien")).toBe("'O''Brien'");
    expect(sqlLiteral('a\\b')).toBe(" E'a\\\\b'");
    expect(sqlLiteral(new Date('2026-11-27T05:00:00.000Z'))).toBe("'2026-11-27T05:00:00.000Z'");
    expect(sqlLiteral({ zh: '投诉', n: 1 })).toBe('\'{"zh":"投诉","n":1}\'');
  });

  it('refuses what it cannot write safely', () => {
    expect(() => sqlLiteral(Number.NaN)).toThrow(/finite/);
    expect(() => sqlLiteral(Buffer.from('x'))).toThrow(/binary/);
    expect(() => inlined({ sql: 'SELECT $2', params: [1] })).toThrow(/no parameter \$2/);
  });

  it('replaces $10 as itself, not as $1 and a 0, and never rescans a value', () => {
    const params = ['$2', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'ten'];
    expect(inlined({ sql: 'SELECT $1, $10, $2', params })).toBe("SELECT '$2', 'ten', 'b'");
  });
});

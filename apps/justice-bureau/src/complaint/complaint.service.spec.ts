import { newTrackingCode } from './complaint.service';

describe('tracking codes', () => {
  it('carry the date and six characters that cannot be misread', () => {
    const code = newTrackingCode(new Date('2026-11-26T10:00:00Z'));
    expect(code).toMatch(/^TS20261126-[A-HJ-NP-Z2-9]{6}$/);
  });

  it('differ between complaints of the same day', () => {
    const day = new Date('2026-11-26T10:00:00Z');
    const codes = new Set(Array.from({ length: 500 }, () => newTrackingCode(day)));
    expect(codes.size).toBe(500);
  });
});

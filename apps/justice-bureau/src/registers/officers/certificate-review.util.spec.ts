import { reviewFindings, ReviewSubject } from './certificate-review.util';

const valid: ReviewSubject = {
  status: 'valid',
  personStatus: 'active',
  staffingProofs: 1,
  statusChangedAt: '2026-01-10T02:00:00.000Z',
  expiresOn: '2028-12-31',
};
const codes = (c: Partial<ReviewSubject>, asOf = '2026-11-30') =>
  reviewFindings({ ...valid, ...c }, asOf, 180).map((f) => f.code);

describe('annual clean-up findings', () => {
  it('finds nothing in a valid certificate of an active officer with proof', () => {
    expect(codes({})).toEqual([]);
  });

  it('flags a holder who left and a certificate without staffing proof', () => {
    expect(codes({ personStatus: 'left', staffingProofs: 0 })).toEqual(['person-left', 'no-staffing-proof']);
  });

  it('flags a suspension only once it is longer than the limit, counted to the end of the Beijing day', () => {
    const suspended = { status: 'suspended' as const, statusChangedAt: '2026-01-01T04:00:00.000Z' };
    // 2026-01-01 12:00 Beijing + 180 days = 2026-06-30 12:00 Beijing.
    expect(codes(suspended, '2026-06-29')).toEqual([]);
    expect(codes(suspended, '2026-06-30')).toEqual(['suspended-too-long']);
    expect(codes({ ...suspended, status: 'valid' }, '2026-12-31')).toEqual([]);
  });

  it('flags an expired certificate from the day after its last valid day', () => {
    expect(codes({ expiresOn: '2026-11-30' })).toEqual([]);
    expect(codes({ expiresOn: '2026-11-29' })).toEqual(['expired']);
  });
});

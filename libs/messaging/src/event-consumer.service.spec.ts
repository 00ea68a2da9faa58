import { parseEnvelope } from './event-consumer.service';

const envelope = {
  id: '0b8a6f0e-4f7e-4d5e-9a43-2f3c1a6b7c8d',
  type: 'justice-bureau.complaint.registered.v1',
  source: 'justice-bureau',
  time: '2026-11-26T08:00:00.000Z',
  subject: 'c1',
  data: { complaintId: 'c1' },
};

describe('parseEnvelope', () => {
  it('accepts a complete envelope', () => {
    expect(parseEnvelope(Buffer.from(JSON.stringify(envelope)))).toEqual(envelope);
  });

  it.each([
    [null, 'empty message'],
    [Buffer.from('{not json'), 'not JSON'],
    [Buffer.from('42'), 'not an object'],
    [Buffer.from(JSON.stringify({ ...envelope, id: 'evt-1' })), 'envelope id is not a UUID'],
    [
      Buffer.from(JSON.stringify({ ...envelope, source: undefined })),
      'envelope lacks type, source or subject',
    ],
    [Buffer.from(JSON.stringify({ ...envelope, data: undefined })), 'envelope lacks time or data'],
  ])('says why %s is poison', (raw, reason) => {
    expect(parseEnvelope(raw)).toBe(reason);
  });
});

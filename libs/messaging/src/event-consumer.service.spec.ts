import { EventConsumerService, parseEnvelope } from './event-consumer.service';

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

describe('EventConsumerService batches', () => {
  const event = (n: number) => ({
    ...envelope,
    id: `0b8a6f0e-4f7e-4d5e-9a43-2f3c1a6b7c${n.toString(16).padStart(2, '0')}`,
    subject: `c${n}`,
    data: { complaintId: `c${n}` },
  });
  const message = (n: number) => ({ offset: String(n), value: Buffer.from(JSON.stringify(event(n))) });

  function consumerWith(handler: { handle: jest.Mock; handleBatch: jest.Mock }) {
    const transactions: unknown[][] = [];
    const manager = {
      connection: { getMetadata: () => ({ tablePath: 'svc.inbox_message' }) },
      // Every event is new: the inbox insert returns each id it was given.
      query: jest.fn(async (_sql: string, [, ids]: [string, string[]]) =>
        ids.map((id) => ({ event_id: id })),
      ),
      // ... and so does the insert of a single event's inbox row.
      createQueryBuilder: () => {
        const builder = {
          insert: () => builder,
          into: () => builder,
          values: () => builder,
          orIgnore: () => builder,
          returning: () => builder,
          execute: async () => ({ raw: [{}] }),
        };
        return builder;
      },
    };
    const dataSource = {
      transaction: jest.fn(async (work: (m: unknown) => Promise<void>) => {
        transactions.push([]);
        await work(manager);
      }),
    };
    const outbox = { kick: jest.fn() };
    const service = new EventConsumerService(
      {} as never,
      dataSource as never,
      {} as never,
      { service: 'svc', consumerMaxAttempts: 3 } as never,
      outbox as never,
      {} as never,
    );
    (service as unknown as { handlers: unknown[] }).handlers.push({ name: 'H', topic: 't', handler });
    const onBatch = (partition: number, offsets: number[], resolved: string[]) =>
      (service as unknown as { onBatch(p: unknown): Promise<void> }).onBatch({
        batch: { topic: 't', partition, messages: offsets.map(message) },
        resolveOffset: (offset: string) => resolved.push(`${partition}:${offset}`),
        heartbeat: async () => undefined,
        isRunning: () => true,
        isStale: () => false,
      });
    return { onBatch, transactions };
  }

  it('handles the events several partitions bring at once in one transaction, and resolves each offset', async () => {
    const handler = { handle: jest.fn(), handleBatch: jest.fn(async () => undefined) };
    const { onBatch, transactions } = consumerWith(handler);
    const resolved: string[] = [];
    await Promise.all([onBatch(0, [1, 2], resolved), onBatch(1, [3], resolved), onBatch(2, [4], resolved)]);
    expect(transactions).toHaveLength(1);
    expect(handler.handleBatch).toHaveBeenCalledTimes(1);
    const [events] = handler.handleBatch.mock.calls[0] as unknown as [{ subject: string }[]];
    expect(events.map((e) => e.subject)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(resolved.sort()).toEqual(['0:2', '1:3', '2:4']);
    expect(handler.handle).not.toHaveBeenCalled();
  });

  it('delivers each event on its own when the joint transaction fails', async () => {
    const handler = {
      handle: jest.fn(async () => undefined),
      handleBatch: jest.fn(async () => {
        throw new Error('one bad event');
      }),
    };
    const { onBatch } = consumerWith(handler);
    const resolved: string[] = [];
    await Promise.all([onBatch(0, [1], resolved), onBatch(1, [2], resolved)]);
    expect(handler.handleBatch).toHaveBeenCalledTimes(1);
    expect(
      (handler.handle.mock.calls as unknown as [{ subject: string }][]).map(([e]) => e.subject).sort(),
    ).toEqual(['c1', 'c2']);
    expect(resolved.sort()).toEqual(['0:1', '1:2']);
  });
});

import { EngineClient } from './engine.client';
import { EngineHttpError } from './engine.errors';
import { PlainVariables } from './variables.util';

const conflict = () =>
  new Response(
    JSON.stringify({
      type: 'OptimisticLockingException',
      message:
        "ENGINE-03005 Execution of 'UPDATE ExecutionEntity[1]' failed. Entity was updated by another transaction concurrently.",
    }),
    { status: 500 },
  );

describe('EngineClient on a concurrent change of the instance', () => {
  const fetchMock = jest.spyOn(globalThis, 'fetch');
  let client: EngineClient;

  beforeEach(() => {
    fetchMock.mockReset();
    client = new EngineClient({ service: 'test', engineUrl: 'http://engine.invalid', bpmnFiles: [] });
  });
  afterEach(() => client.shutdown());
  afterAll(() => fetchMock.mockRestore());

  it('repeats the call the engine rolled back, and the breaker stays closed', async () => {
    fetchMock
      .mockResolvedValueOnce(conflict())
      .mockResolvedValueOnce(conflict())
      .mockResolvedValueOnce(new Response(JSON.stringify([{ id: 'p1' }]), { status: 200 }));
    await expect(client.correlateMessage('m', 'bk')).resolves.toEqual([{ id: 'p1' }]);
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(client.circuit).toBe('closed');
  });

  it('gives up after five conflicts with the engine error', async () => {
    fetchMock.mockImplementation(() => Promise.resolve(conflict()));
    const error = await client.correlateMessage('m', 'bk').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineHttpError);
    expect((error as EngineHttpError).isConflict).toBe(true);
    expect(fetchMock).toHaveBeenCalledTimes(5);
    expect(client.circuit).toBe('closed');
  });

  it('does not repeat other server errors', async () => {
    fetchMock.mockResolvedValue(
      new Response(JSON.stringify({ type: 'ProcessEngineException', message: 'boom' }), { status: 500 }),
    );
    await expect(client.correlateMessage('m', 'bk')).rejects.toThrow('boom');
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });
});

describe('EngineClient against an engine without Oversight’s start endpoints', () => {
  // Spied here, not at definition: the suite above restores the real fetch when it ends.
  let fetchMock: jest.SpiedFunction<typeof fetch>;
  const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status });
  const notAPath = () => json({ timestamp: '2026-11-27T05:00:00Z', status: 404, error: 'Not Found' }, 404);
  let client: EngineClient;

  beforeAll(() => {
    fetchMock = jest.spyOn(globalThis, 'fetch');
  });
  beforeEach(() => {
    fetchMock.mockReset();
    client = new EngineClient({ service: 'test', engineUrl: 'http://engine.invalid', bpmnFiles: [] });
  });
  afterEach(() => client.shutdown());
  afterAll(() => fetchMock.mockRestore());

  it('looks the business key up and starts, and asks the extension no more', async () => {
    fetchMock
      .mockResolvedValueOnce(notAPath())
      .mockResolvedValueOnce(json([]))
      .mockResolvedValueOnce(json({ id: 'p1' }))
      .mockResolvedValueOnce(json([{ id: 'p1' }]));
    await expect(client.startProcessOnce('k', 'bk', { n: 1 })).resolves.toEqual({ id: 'p1', started: true });
    await expect(client.startProcessOnce('k', 'bk', {})).resolves.toEqual({ id: 'p1', started: false });
    const urls = fetchMock.mock.calls.map(([url]) => String(url));
    expect(urls).toEqual([
      'http://engine.invalid/oversight/process-instances/start-once',
      'http://engine.invalid/engine-rest/process-instance?businessKey=bk&processDefinitionKey=k',
      'http://engine.invalid/engine-rest/process-definition/key/k/start',
      'http://engine.invalid/engine-rest/process-instance?businessKey=bk&processDefinitionKey=k',
    ]);
  });

  it('passes an error of the extension itself on (an unknown process is not a missing extension)', async () => {
    fetchMock.mockResolvedValueOnce(
      json({ type: 'NullValueException', message: 'no processes deployed' }, 404),
    );
    await expect(client.startProcessOnce('k', 'bk', {})).rejects.toMatchObject({ status: 404 });
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  describe('startProcessesOnce without the batch endpoint', () => {
    const items: { businessKey: string; variables: PlainVariables }[] = [
      { businessKey: 'a', variables: {} },
      { businessKey: 'b', variables: { n: 1 } },
    ];

    it('starts them one at a time, in order, and asks the batch endpoint no more', async () => {
      fetchMock
        .mockResolvedValueOnce(notAPath())
        .mockResolvedValueOnce(json({ id: 'pa', started: true }))
        .mockResolvedValueOnce(json({ id: 'pb', started: false }))
        .mockResolvedValueOnce(json({ id: 'pa', started: false }))
        .mockResolvedValueOnce(json({ id: 'pb', started: false }));
      const expected = [
        { id: 'pa', started: true },
        { id: 'pb', started: false },
      ];
      await expect(client.startProcessesOnce('k', items)).resolves.toEqual(expected);
      await expect(client.startProcessesOnce('k', items)).resolves.toEqual([
        { id: 'pa', started: false },
        { id: 'pb', started: false },
      ]);
      const urls = fetchMock.mock.calls.map(([url]) => String(url));
      expect(urls).toEqual([
        'http://engine.invalid/oversight/process-instances/start-once-batch',
        ...Array.from({ length: 4 }, () => 'http://engine.invalid/oversight/process-instances/start-once'),
      ]);
    });

    it('passes an error of the batch endpoint itself on, without starting one at a time', async () => {
      fetchMock.mockResolvedValueOnce(json({ type: 'IllegalArgumentException', message: 'bad' }, 400));
      await expect(client.startProcessesOnce('k', items)).rejects.toMatchObject({ status: 400 });
      expect(fetchMock).toHaveBeenCalledTimes(1);
    });

    it('refuses an answer that does not match the batch', async () => {
      fetchMock.mockResolvedValueOnce(json({ results: [{ id: 'pa', started: true }] }));
      await expect(client.startProcessesOnce('k', items)).rejects.toThrow('1 starts for 2');
    });
  });
});

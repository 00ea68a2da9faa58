import { EngineClient } from './engine.client';
import { EngineHttpError } from './engine.errors';

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

import { Injectable } from '@nestjs/common';
import { complete, JobHandler, JobWorker } from './job-worker.decorator';
import { JobWorkerService } from './job-worker.service';

@Injectable()
@JobWorker({ type: 'test.step' })
class StepWorker implements JobHandler {
  handle = jest.fn(async () => complete());
}

describe('JobWorkerService polling', () => {
  it('asks the engine without asyncResponseTimeout, so that no poll is left waiting in the engine', async () => {
    let polled!: () => void;
    const firstPoll = new Promise<void>((resolve) => (polled = resolve));
    const engine = {
      fetchAndLock: jest.fn(async () => {
        polled();
        return [];
      }),
    };
    const discovery = { getProviders: () => [{ instance: new StepWorker(), metatype: StepWorker }] };
    const service = new JobWorkerService(
      discovery as never,
      engine as never,
      {} as never,
      { service: 'test' } as never,
    );
    service.onApplicationBootstrap();
    await firstPoll;
    await service.beforeApplicationShutdown();
    const [request] = engine.fetchAndLock.mock.calls[0] as unknown as [Record<string, unknown>];
    expect(request).toMatchObject({ workerId: service.workerId, topics: [{ topicName: 'test.step' }] });
    // With the field, even 0, a poll that finds nothing is handed to the engine's long-polling thread,
    // where (full test runs suggest) it could lock a later job for a worker that never receives it.
    expect(request).not.toHaveProperty('asyncResponseTimeout');
  });
});

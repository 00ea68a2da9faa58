import { INestApplication } from '@nestjs/common';
import { loadConfig, ServiceConfig } from '@oversight/config';
import { SERVICE } from '@oversight/contracts';
import { createServiceApp } from '@oversight/platform';
import { AS_STAFF, eventually, http, RunningService, startServiceForTest } from '@oversight/testing';
import { AppModule as GatewayModule } from '../../apps/gateway/src/app.module';
import { GatewayConfig } from '../../apps/gateway/src/gateway.config';
import { AppModule as LiaisonModule } from '../../apps/liaison/src/app.module';
import { buildDataSourceOptions as liaisonDs } from '../../apps/liaison/src/liaison.datasource';

interface Health {
  status: string;
  components: Record<string, { status: string; circuit?: string }>;
}
interface ErrorBody {
  error: string;
  message: { zh: string; en: string };
}

/**
 * The gateway's circuit breaker to one service, with the real liaison service behind it: the service
 * goes away, its circuit opens, requests get a bilingual 503 at once (no connection attempt), /health
 * says so, and when the service is back on the same address the circuit closes again.
 */
describe('gateway circuit breaker to a service', () => {
  const env: Record<string, string | undefined> = { ...process.env, BPMN_DIR: `${__dirname}/../../bpmn` };
  let liaison: RunningService;
  let again: INestApplication | null = null;
  let gateway: RunningService;
  const resetTimeoutMs = 3000;

  beforeAll(async () => {
    liaison = await startServiceForTest({
      service: SERVICE.liaison,
      module: LiaisonModule.forRoot(loadConfig(ServiceConfig, env)),
      dataSource: liaisonDs(env.DATABASE_URL as string),
    });
    gateway = await startServiceForTest({
      service: SERVICE.gateway,
      module: GatewayModule.forRoot(loadConfig(GatewayConfig, { LIAISON_URL: liaison.url }), {
        volumeThreshold: 3,
        errorThresholdPercentage: 50,
        resetTimeoutMs,
        requestTimeoutMs: 5000,
      }),
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await again?.close();
  });

  const transfers = () => http<ErrorBody>('GET', `${gateway.url}/api/liaison/transfers`, undefined, AS_STAFF);
  const health = async () =>
    (await http<Health>('GET', `${gateway.url}/health`)).body.components[SERVICE.liaison];

  it('opens when the service is gone, answers 503 fast meanwhile, and closes when it is back', async () => {
    expect((await transfers()).status).toBe(200);
    expect(await health()).toMatchObject({ status: 'up', circuit: 'closed' });

    await liaison.close();
    // Connection refused: a 503 that says so; a few of those and the circuit opens (the threshold is half
    // of at least three requests).
    const refused = await transfers();
    expect(refused.status).toBe(503);
    expect(refused.body.message).toEqual({
      zh: '衔接登记服务暂时无法连接，请稍后重试。',
      en: 'The liaison service cannot be reached; please retry later.',
    });
    for (let i = 0; i < 5 && (await health()).circuit !== 'open'; i += 1) {
      expect((await transfers()).status).toBe(503);
    }
    const started = Date.now();
    const open = await transfers();
    const tookMs = Date.now() - started;
    expect(open.status).toBe(503);
    expect(open.body.error).toBe('SERVICE_UNAVAILABLE');
    expect(open.body.message).toEqual({
      zh: '衔接登记服务暂时不可用（已熔断），请稍后重试。',
      en: 'The liaison service is unavailable (circuit open); please retry later.',
    });
    expect(tookMs).toBeLessThan(200);
    const down = await http<Health>('GET', `${gateway.url}/health`);
    expect(down.status).toBe(503);
    expect(down.body.components[SERVICE.liaison]).toMatchObject({ status: 'down', circuit: 'open' });

    // The service comes back on the same address.
    const port = Number(new URL(liaison.url).port);
    again = await createServiceApp(LiaisonModule.forRoot(loadConfig(ServiceConfig, env)), {
      service: SERVICE.liaison,
      title: SERVICE.liaison,
      logLevel: 'warn',
    });
    await again.listen(port, '127.0.0.1');
    // After the reset timeout the breaker is half-open and lets one request through; it succeeds.
    await new Promise((r) => setTimeout(r, resetTimeoutMs + 200));
    expect((await health()).circuit).toBe('half-open');
    const back = await eventually(
      async () => {
        const r = await transfers();
        return r.status === 200 && r;
      },
      { what: 'the liaison register through the gateway again', timeoutMs: 20000 },
    );
    expect(back.status).toBe(200);
    expect(await health()).toMatchObject({ status: 'up', circuit: 'closed' });
  });
});

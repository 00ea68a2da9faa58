import { loadConfig } from './load-config.util';
import { ServiceConfig } from './service.config';

const valid = {
  DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/oversight',
  KAFKA_BROKERS: '127.0.0.1:19092, 127.0.0.1:19094',
  ENGINE_URL: 'http://127.0.0.1:18080',
};

describe('loadConfig', () => {
  it('reads, converts and defaults the service variables', () => {
    const config = loadConfig(ServiceConfig, { ...valid, OUTBOX_POLL_MS: '250' });
    expect(config.kafkaBrokers).toEqual(['127.0.0.1:19092', '127.0.0.1:19094']);
    expect(config.outboxPollMs).toBe(250);
    expect(config.consumerMaxAttempts).toBe(3);
    expect(config.bindAddress).toBe('127.0.0.1');
    expect(config.engineWorkers).toBe(true);
  });

  it('reads booleans as words, not as non-empty strings', () => {
    expect(loadConfig(ServiceConfig, { ...valid, ENGINE_WORKERS: 'false' }).engineWorkers).toBe(false);
    expect(loadConfig(ServiceConfig, { ...valid, ENGINE_WORKERS: '1' }).engineWorkers).toBe(true);
    expect(() => loadConfig(ServiceConfig, { ...valid, ENGINE_WORKERS: 'maybe' })).toThrow(/engineWorkers/);
  });

  it('fails fast, naming every bad variable', () => {
    expect(() => loadConfig(ServiceConfig, { ENGINE_URL: 'not a url', OUTBOX_POLL_MS: '5' })).toThrow(
      /databaseUrl[\s\S]*kafkaBrokers[\s\S]*engineUrl[\s\S]*outboxPollMs/,
    );
  });
});

import { DynamicModule, INestApplication } from '@nestjs/common';
import { DataSourceOptions } from 'typeorm';
import { migrate } from '@oversight/database';
import { createServiceApp } from '@oversight/platform';
import { authenticate } from './identity';

export interface RunningService {
  app: INestApplication;
  url: string;
  close(): Promise<void>;
}

/**
 * Migrates a service's schema and boots the real app module on a free loopback port, against the
 * infrastructure of the test run: nothing is mocked.
 */
export async function startServiceForTest(input: {
  service: string;
  module: DynamicModule;
  dataSource?: DataSourceOptions;
}): Promise<RunningService> {
  if (input.dataSource) await migrate(input.dataSource);
  const app = await createServiceApp(input.module, {
    service: input.service,
    title: input.service,
    logLevel: 'warn',
  });
  await app.listen(0, '127.0.0.1');
  const url = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  return { app, url, close: () => app.close() };
}

/**
 * A JSON request that returns status and parsed body, for asserting on both. Identity headers (AS_STAFF, …)
 * are turned into a bearer token plus gateway-signed headers, so the same call works through the gateway
 * and directly against a service.
 */
export async function http<T = unknown>(
  method: string,
  url: string,
  body?: unknown,
  plainHeaders: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const headers = authenticate(plainHeaders);
  const response = await fetch(url, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

import { DynamicModule } from '@nestjs/common';
import { HttpConfig, loadConfig, readPort } from '@oversight/config';
import { createServiceApp } from './bootstrap.util';

export interface RunServiceInput<C extends HttpConfig> {
  service: string;
  title: string;
  defaultPort: number;
  configClass: new () => C;
  module: (config: C) => DynamicModule;
}

/** A service's whole `main`: validated config, the app, listening on loopback unless told otherwise. */
export function runService<C extends HttpConfig>(input: RunServiceInput<C>): void {
  (async () => {
    const config = loadConfig(input.configClass);
    const app = await createServiceApp(input.module(config), {
      service: input.service,
      title: input.title,
      logLevel: config.logLevel,
    });
    await app.listen(readPort(input.service, input.defaultPort), config.bindAddress);
  })().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}

import path from 'node:path';
import { DynamicModule, Module } from '@nestjs/common';
import { PlatformModule } from '@oversight/platform';
import { SERVICE } from '@oversight/contracts';
import { AuthController } from './auth/auth.controller';
import { AuthModule } from './auth/auth.module';
import { BearerResolver } from './auth/bearer.resolver';
import { assertProductionSafe, GatewayConfig } from './gateway.config';
import { ConsoleController, CONSOLE_DIR } from './console/console.controller';
import { ProxyController } from './proxy/proxy.controller';
import { CircuitOptions, DEFAULT_CIRCUIT, ProxyService } from './proxy/proxy.service';
import { GATEWAY_ROUTES } from './proxy/proxy.tokens';
import { allUpstreams, routeTable } from './proxy/routes';

/**
 * Health of each service behind the gateway, as the gateway reaches it, with the state of the gateway's
 * circuit to it (open, half-open, closed). An open circuit counts as down even if the service answers.
 */
function upstreamChecks(config: GatewayConfig, proxy: ProxyService) {
  return Object.fromEntries(
    allUpstreams(config).map((u) => [
      u.service,
      async () => {
        const circuit = proxy.circuit(u.service);
        try {
          const response = await fetch(`${u.url}/health`, { signal: AbortSignal.timeout(3000) });
          const up = response.ok && circuit !== 'open';
          return { status: up ? ('up' as const) : ('down' as const), httpStatus: response.status, circuit };
        } catch (error) {
          return { status: 'down' as const, error: (error as Error).message, circuit };
        }
      },
    ]),
  );
}

@Module({})
export class AppModule {
  static forRoot(config: GatewayConfig, circuit: CircuitOptions = DEFAULT_CIRCUIT): DynamicModule {
    assertProductionSafe(config);
    const auth = AuthModule.forRoot(config);
    const proxy = new ProxyService(config, circuit);
    return {
      module: AppModule,
      imports: [
        auth,
        PlatformModule.forRoot({
          service: SERVICE.gateway,
          extraHealthChecks: upstreamChecks(config, proxy),
          identityResolver: BearerResolver,
          imports: [auth],
        }),
      ],
      // The sign-in routes first: the proxy's catch-all must not shadow them; the console last, so that its
      // catch-all shadows no API.
      controllers: [AuthController, ProxyController, ConsoleController],
      providers: [
        { provide: ProxyService, useValue: proxy },
        { provide: GATEWAY_ROUTES, useValue: routeTable(config) },
        { provide: CONSOLE_DIR, useValue: config.consoleDir ? path.resolve(config.consoleDir) : '' },
      ],
    };
  }
}

import { DynamicModule, Module, Provider } from '@nestjs/common';
import { EXTRA_HEALTH_CHECKS, HEALTH_SERVICE_NAME, HealthCheck, HealthController } from './health.controller';

@Module({})
export class PlatformModule {
  static forRoot(input: { service: string; extraHealthChecks?: Record<string, HealthCheck> }): DynamicModule {
    const providers: Provider[] = [{ provide: HEALTH_SERVICE_NAME, useValue: input.service }];
    if (input.extraHealthChecks)
      providers.push({ provide: EXTRA_HEALTH_CHECKS, useValue: input.extraHealthChecks });
    return { module: PlatformModule, controllers: [HealthController], providers };
  }
}

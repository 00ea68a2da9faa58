import { DynamicModule, ModuleMetadata, Module, Provider, Type } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { EXTRA_HEALTH_CHECKS, HEALTH_SERVICE_NAME, HealthCheck, HealthController } from './health.controller';
import {
  AccessGuard,
  IDENTITY_RESOLVER,
  IdentityResolver,
  SignedHeaderResolver,
} from './identity/access.guard';

export interface PlatformInput {
  service: string;
  extraHealthChecks?: Record<string, HealthCheck>;
  /** Secret of the gateway's identity signature (services). */
  identitySecret?: string;
  /** Or a resolver of its own (the gateway resolves bearer tokens). */
  identityResolver?: Type<IdentityResolver>;
  /** Modules the resolver needs. */
  imports?: ModuleMetadata['imports'];
}

/** /health and the global access guard, for every HTTP process. */
@Module({})
export class PlatformModule {
  static forRoot(input: PlatformInput): DynamicModule {
    const providers: Provider[] = [
      { provide: HEALTH_SERVICE_NAME, useValue: input.service },
      { provide: APP_GUARD, useClass: AccessGuard },
    ];
    if (input.identityResolver) {
      providers.push({ provide: IDENTITY_RESOLVER, useExisting: input.identityResolver });
    } else if (input.identitySecret) {
      providers.push({
        provide: IDENTITY_RESOLVER,
        useValue: new SignedHeaderResolver(input.identitySecret),
      });
    } else {
      throw new Error('PlatformModule needs an identity secret or an identity resolver');
    }
    if (input.extraHealthChecks)
      providers.push({ provide: EXTRA_HEALTH_CHECKS, useValue: input.extraHealthChecks });
    return {
      module: PlatformModule,
      imports: input.imports ?? [],
      controllers: [HealthController],
      providers,
      exports: [IDENTITY_RESOLVER],
    };
  }
}

export * from './api-error';
export * from './validation.pipe';
export * from './error.filter';
export * from './health.controller';
export * from './bootstrap.util';
export * from './platform.module';
export * from './service-core.module';
export * from './run-service.util';

export * from './eventually.util';
export * from './engine-clock.util';
export * from './service-app.util';
export * from './fixtures';
export * from './infra-control.util';
export * from './pdf-text';
export * from './identity';

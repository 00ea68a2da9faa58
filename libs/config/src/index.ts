export * from './load-config.util';
export * from './service.config';

export * from './audit-entry.entity';
export * from './audit-chain';
export * from './audit-tables.util';
export * from './audit.service';
export * from './audit.subscriber';
export * from './audit.interceptor';
export * from './audit.controller';

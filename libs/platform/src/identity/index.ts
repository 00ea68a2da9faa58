export * from './roles';
export * from './identity-signature';
export * from './access.decorator';
export * from './access.guard';
export * from './access-rules';

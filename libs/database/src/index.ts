export * from './data-source.util';
export * from './exclusive-run.util';

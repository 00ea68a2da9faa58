export * from './data-source.util';
export * from './exclusive-run.util';
export * from './document-number.util';
export * from './statement-batch.util';
export * from './unique-violation.util';
export * from './snapshot-read.util';

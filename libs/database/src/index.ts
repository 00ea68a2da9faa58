export * from './data-source.util';

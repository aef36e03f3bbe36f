export * from './build-summary';

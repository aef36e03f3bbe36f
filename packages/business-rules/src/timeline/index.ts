export * from './build-timeline';

export * from './build-tree';

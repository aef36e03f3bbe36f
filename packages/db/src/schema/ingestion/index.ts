export * from './sources';
export * from './processing';

export * from './diagram/format';
export * from './diagram/layout';
export * from './diagram/state';

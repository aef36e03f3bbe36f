export * from './country';
export * from './build-diagram';

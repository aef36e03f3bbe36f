export * from './env';
export * from './errors';
export * from './cursor';
export * from './diagram';
export * from './logger';
export * from './domain';
export * from './patent-numbers';
export * from './events';

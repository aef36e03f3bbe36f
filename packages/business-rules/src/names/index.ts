export * from './normalize';
export * from './organization';
export * from './group';

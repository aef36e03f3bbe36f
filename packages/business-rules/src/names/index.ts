export * from './normalize';
export * from './organization';
export * from './group';
export * from './edit-distance-index';

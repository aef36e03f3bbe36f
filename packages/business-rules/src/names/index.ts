export * from './normalize';
export * from './organization';
export * from './group';
export { EditDistanceIndex } from './edit-distance-index';

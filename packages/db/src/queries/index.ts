export * from './page';
export * from './assets';
export * from './search';
export * from './dashboards';
export * from './events';
export * from './organization';
export * from './admin';

export * from './trees';
export * from './transactions';
export * from './title';
export * from './dashboard';
export * from './summary';
export * from './diagrams';

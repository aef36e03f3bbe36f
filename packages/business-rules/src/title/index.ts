export * from './order';
export * from './release-reference';
export * from './assess-title';
export * from './membership';

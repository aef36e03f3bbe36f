export * from './organizations';
export * from './users';
export * from './portfolio';
export * from './share-links';
export * from './audit';
export * from './collaboration';

export * from './entities';
export * from './patents';
export * from './assignments';
export * from './inventors';
export * from './cpc';
export * from './maintenance-fees';
export * from './families';

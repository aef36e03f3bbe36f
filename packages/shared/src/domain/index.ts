export * from './roles';
export * from './conveyance';
export * from './tree';
export * from './dashboard';
export * from './activity';
export * from './pipeline';
export * from './title';
export * from './rules-config';

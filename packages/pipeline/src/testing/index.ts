export { insertRecordedTransactions } from './records';
export { seedTitleExamples } from './seed-examples';
export { syntheticPortfolio, type PortfolioOptions } from './portfolio';
export { derivedRows, DERIVED_TABLES } from './derived-rows';

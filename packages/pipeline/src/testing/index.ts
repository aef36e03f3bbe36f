export { insertRecordedTransactions, type RecordedTransaction } from './records';
export { seedTitleExamples } from './seed-examples';
export {
  CONVEYANCE_TEXT,
  exampleAsset,
  exampleRfId,
  exampleTransactions,
  TITLE_CHAIN_EXAMPLES,
  type TitleChainExample,
} from './title-chains';
export { syntheticPortfolio, type PortfolioOptions } from './portfolio';

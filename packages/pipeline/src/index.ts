export { inOrgTransaction, type Queryable } from './db';
export {
  executeStep,
  runPipelineInline,
  PipelineBusyError,
  type ExecuteOptions,
  type InlineRunResult,
  type StepEvent,
} from './execute';
export { refreshAssetMembership, type MembershipCounts } from './membership';
export {
  claimRun,
  finishRun,
  loadRun,
  nextStepGroup,
  requestOrgRun,
  stepNumber,
  stepStatuses,
  PROCESSING_JOB_TYPES,
  type ClaimOutcome,
  type PipelineRun,
  type ProcessingJobType,
  type RunRequest,
  type RunRef,
} from './runs';
export {
  STEP_RUNNERS,
  inventorsOfTransactions,
  type StepContext,
  type StepOutcome,
  type StepRunner,
} from './steps';
export {
  createOrganization,
  findOrganizationByName,
  createOrganizationInput,
  type CreatedOrganization,
} from './orgs';
export {
  CONVEYANCE_TEXT,
  exampleAsset,
  exampleRfId,
  exampleTransactions,
  TITLE_CHAIN_EXAMPLES,
  type RecordedTransaction,
  type TitleChainExample,
} from './title-chains';
export { titleStatusForPatent } from './title-query';
export { warmIncrementalState, type WarmedOrganization } from './warm';

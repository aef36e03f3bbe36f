export { runWorker, startWorkerRuntime, type WorkerRuntime, type WorkerRuntimeOptions } from './worker';
export { buildProgram, main } from './cli/main';
export { QUEUE_CONFIGS, createQueues, queueList, closeQueues, type Queues, type QueueName } from './queues';
export { enqueueOrgRun } from './processors/pipeline/enqueue';
export { PROCESSORS } from './processors/registry';
export { SCHEDULES } from './schedules';

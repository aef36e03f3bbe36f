export { runWorker } from './worker';
export { buildProgram, main } from './cli/main';

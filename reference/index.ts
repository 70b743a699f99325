export { startReference, type RunningReference } from './start-reference.js';
export type { DrainCount } from './engine/executor.js';
export type { ReferenceOptions } from './options.js';
export type { ReferenceKeys } from './engine/accounts.js';
export { listFaults, type FaultInfo, type FaultDefinition, type FaultHooks } from './faults/index.js';
export { KEY_ENV } from './profile.js';
export { listWorkflows, type WorkflowInfo } from './workflows/index.js';

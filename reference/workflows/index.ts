export { CATALOGUE, catalogueKey } from './catalogue.js';
export { listWorkflows, type WorkflowInfo } from './list-workflows.js';
export { inputSchema, componentSchema } from './components.js';
export type { WorkflowDefinition, WorkflowRole, RunContext, RunResult, HistoryTurn } from './workflow.js';

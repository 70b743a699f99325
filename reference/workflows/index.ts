export { CATALOGUE, catalogueKey } from './catalogue.js';
export { inputSchema, componentSchema } from './components.js';
export type { WorkflowDefinition, WorkflowRole, RunContext, RunResult, HistoryTurn } from './workflow.js';

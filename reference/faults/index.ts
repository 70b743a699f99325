export { FAULTS, listFaults, resolveFaults } from './catalogue.js';
export type {
  FaultDefinition,
  FaultHooks,
  FaultInfo,
  FaultEnv,
  Answer,
  AnswerContext,
  AnswerReason,
  Endpoint,
  InterceptContext,
} from './fault.js';

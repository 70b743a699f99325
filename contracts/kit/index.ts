/** The kit every contracts/*.check.ts uses: declare one check, talk HTTP, record failures as data. */
export { defineCheck, type CheckContext, type CheckMeta, type CheckRecord } from './define-check.js';
export { lacks, firstLack, type Capability } from './capabilities.js';
export {
  createClient,
  TransportError,
  DEFAULT_TIMEOUT_MS,
  MAX_BODY_BYTES,
  type ApiClient,
  type ApiResponse,
  type KeyChoice,
  type RequestSummary,
} from './http-client.js';
export { Expectations, type ExpectedStatus } from './expect.js';
export { Findings, ABSENT, type FailureInput, type Basis } from './findings.js';
export { markedBody, containsText } from './content.js';
export { immediateBound, timeSubmits, IMMEDIATE_SAMPLES, type SubmitTiming } from './immediate.js';
export { getTarget, type CheckTarget } from './target-context.js';
export { getPointer } from './pointer.js';
export {
  componentSchema,
  workflowInputSchema,
  workflowOutputSchema,
  executeResponseSchema,
  wrongValueFor,
} from './workflow-schema.js';
export { pollConversation, type PollOutcome } from './poll.js';
export { ALL_ENDPOINTS, unknownId, workflow, executeBody, plausibleBody } from './requests.js';
export { conversationReading, pollingBudget } from './poll.js';
export { requestMutations, requestRules, applyMutation, type Mutation } from './request-mutations.js';
export { expectCompletedConversation } from './conversation-expect.js';
export { conversationRole, startConversation, type StartedConversation } from './conversation-steps.js';
export { schemaLocation, validateBody } from './validator.js';
export { statusFailureCode, receivedStatus } from './status-code.js';

import type { ValidateFunction } from 'ajv/dist/2020.js';
import { ContractValidator } from '../../src/contract/index.js';
import { inputSchema, type WorkflowDefinition } from '../workflows/index.js';

/**
 * Validators compiled once per process from the same schemas/ the checks use,
 * so the reference and the harness can never disagree about a request's shape.
 */
let contract: ContractValidator | undefined;
const inputs = new WeakMap<WorkflowDefinition, ValidateFunction>();

function validator(): ContractValidator {
  contract ??= new ContractValidator();
  return contract;
}

export function executeRequestValidator(): ValidateFunction {
  return validator().compile('execute-request.schema.json');
}

export function getConversationRequestValidator(): ValidateFunction {
  return validator().compile('get-conversation-request.schema.json');
}

export function inputValidator(wf: WorkflowDefinition): ValidateFunction {
  let fn = inputs.get(wf);
  if (fn === undefined) {
    fn = validator().compile(inputSchema(wf));
    inputs.set(wf, fn);
  }
  return fn;
}

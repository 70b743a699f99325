import type { AnySchemaObject, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { ContractValidator, SCHEMA_BASE } from '../../src/contract/index.js';

// One compiled validator per worker: compiling every schema per check would dominate the run.
let shared: ContractValidator | undefined;
const inline = new Map<string, ValidateFunction>();

export function validator(): ContractValidator {
  shared ??= new ContractValidator();
  return shared;
}

/** Validates against a schema file in schemas/ or an inline schema (cached by its text). */
export function validateBody(schema: string | AnySchemaObject, body: unknown): readonly ErrorObject[] {
  if (typeof schema === 'string') return validator().validate(schema, body).errors;
  const key = JSON.stringify(schema);
  let fn = inline.get(key);
  if (fn === undefined) {
    fn = validator().compile(schema);
    inline.set(key, fn);
  }
  return fn(body) ? [] : [...(fn.errors ?? [])];
}

/** Where the rule lives, readable: "execute-response.schema.json#/properties/creditUsage/type". */
export function schemaLocation(label: string, error: ErrorObject): string {
  const path = error.schemaPath.startsWith(SCHEMA_BASE)
    ? error.schemaPath.slice(SCHEMA_BASE.length)
    : `${label}${error.schemaPath}`;
  return path;
}

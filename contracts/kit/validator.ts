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

/**
 * Where the rule lives, readable: "execute-response.schema.json#/properties/creditUsage/type".
 * ajv names a rule inside a referenced schema file by that file ("common.schema.json#/…",
 * absolute or relative), and one of the inline schema by a bare fragment ("#/…"): only the
 * latter takes the caller's label, which would otherwise run into the file name.
 */
export function schemaLocation(label: string, error: ErrorObject): string {
  if (error.schemaPath.startsWith('#')) return `${label}${error.schemaPath}`;
  return error.schemaPath.startsWith(SCHEMA_BASE)
    ? error.schemaPath.slice(SCHEMA_BASE.length)
    : error.schemaPath;
}

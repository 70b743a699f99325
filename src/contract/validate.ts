import type { Ajv2020, AnySchemaObject, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import { HarnessError } from '../errors/index.js';
import { SCHEMA_BASE, createAjv } from './schema-registry.js';

export interface ValidationOutcome {
  readonly valid: boolean;
  readonly errors: readonly ErrorObject[];
}

/**
 * Compiles each contract once and validates bodies against it. Accepts a schema
 * file name ("execute-response.schema.json"), a full $id, or an inline schema
 * (e.g. a workflow's output components composed with the generic contract).
 */
export class ContractValidator {
  private readonly ajv: Ajv2020;
  private readonly cache = new Map<string, ValidateFunction>();

  constructor(ajv: Ajv2020 = createAjv()) {
    this.ajv = ajv;
  }

  validate(schema: string | AnySchemaObject, data: unknown): ValidationOutcome {
    const fn = this.compile(schema);
    const valid = fn(data);
    return { valid, errors: valid ? [] : [...(fn.errors ?? [])] };
  }

  compile(schema: string | AnySchemaObject): ValidateFunction {
    if (typeof schema !== 'string') return this.ajv.compile(schema);
    const id = schema.startsWith('http') ? schema : SCHEMA_BASE + schema;
    let fn = this.cache.get(id);
    if (fn === undefined) {
      fn = this.ajv.getSchema(id);
      if (fn === undefined) {
        throw new HarnessError('HARNESS_ERR_SCHEMA_COMPILE', `no schema with $id ${id}`, {
          hint: 'Name a file that exists in schemas/.',
        });
      }
      this.cache.set(id, fn);
    }
    return fn;
  }
}

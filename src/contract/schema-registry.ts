import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
// The file, not config/index.ts: that imports this folder (a cycle at load time).
import { REPO_ROOT } from '../config/repo-root.js';
import { HarnessError } from '../errors/index.js';

/** schemas/ at the repository root: the single source of truth for every contract. */
export const SCHEMAS_DIR = join(REPO_ROOT, 'schemas');
export const SCHEMA_BASE = 'https://workflow-harness.example.org/schemas/';

/** Annotation keywords our schemas use; declared so ajv strict mode accepts them. */
export const ANNOTATION_KEYWORDS = ['x-documented'] as const;

// ajv-formats ships CJS with a default export; under NodeNext its type is the module namespace.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

export interface LoadedSchema {
  readonly file: string;
  readonly id: string;
  readonly schema: AnySchemaObject;
}

export function listSchemaFiles(dir: string = SCHEMAS_DIR): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.schema.json'))
    .sort();
}

export function loadSchemas(dir: string = SCHEMAS_DIR): LoadedSchema[] {
  return listSchemaFiles(dir).map((file) => {
    const schema = JSON.parse(readFileSync(join(dir, file), 'utf8')) as AnySchemaObject;
    if (typeof schema.$id !== 'string') {
      throw new HarnessError('HARNESS_ERR_SCHEMA_COMPILE', `schemas/${file} has no $id`, {
        hint: `Add "$id": "${SCHEMA_BASE}${file}".`,
      });
    }
    return { file, id: schema.$id, schema };
  });
}

/** A fresh ajv (draft 2020-12, strict, formats) with every schema in schemas/ added. */
export function createAjv(
  options: { allErrors?: boolean; code?: { source?: boolean; esm?: boolean } } = {},
): Ajv2020 {
  const ajv = new Ajv2020({ strict: true, allErrors: options.allErrors ?? true, code: options.code ?? {} });
  addFormats(ajv);
  for (const keyword of ANNOTATION_KEYWORDS) ajv.addKeyword({ keyword, schemaType: 'boolean' });
  for (const { schema } of loadSchemas()) ajv.addSchema(schema);
  return ajv;
}

export type { ErrorObject, ValidateFunction };

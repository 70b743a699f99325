import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { SCHEMAS_DIR } from '../../contract/index.js';

// ajv-formats ships CJS with a default export; under NodeNext its type is the module namespace.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const FILES = ['semver-2.0.0.json', 'metric-1.0.0.json', 'summary-1.0.0.json'];
export const K6_SUMMARY_SCHEMA_ID = 'https://schemas.k6.io/summary/1.0.0/schema.json';

let compiled: ValidateFunction | undefined;

/**
 * Checks a value against k6's published machine-readable summary v1.0.0 schema
 * (copied into schemas/k6-summary/ from grafana/k6-summary). Returns the problems as
 * "instancePath: message" lines; empty when the value conforms. Both engines' summaries
 * are checked with this, so downstream code can rely on the shape.
 */
export function checkMachineReadableSummary(value: unknown): string[] {
  if (compiled === undefined) {
    // Its own ajv with only these schemas: the harness's schemas/ are unrelated to k6's format.
    const ajv = addFormats(new Ajv2020({ strict: true, allErrors: true }));
    for (const file of FILES)
      ajv.addSchema(JSON.parse(readFileSync(join(SCHEMAS_DIR, 'k6-summary', file), 'utf8')) as object);
    compiled = ajv.getSchema(K6_SUMMARY_SCHEMA_ID)!;
  }
  if (compiled(value)) return [];
  return (compiled.errors ?? []).map(
    (e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'} (${e.schemaPath})`,
  );
}

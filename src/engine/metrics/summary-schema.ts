import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js';
import { REPO_ROOT } from '../../config/repo-root.js';

// ajv (≈ 7 MB resident) is required on first use: the local engine loads this module through
// metrics/index.ts but never checks a summary itself, and every MB of its baseline counts.
const require = createRequire(import.meta.url);
const loadAjv = (): { Ajv2020: typeof Ajv2020; addFormats: (ajv: Ajv2020) => Ajv2020 } => ({
  Ajv2020: (require('ajv/dist/2020.js') as { Ajv2020: typeof Ajv2020 }).Ajv2020,
  addFormats: (require('ajv-formats') as { default: (ajv: Ajv2020) => Ajv2020 }).default,
});

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
    const { Ajv2020: Ajv, addFormats } = loadAjv();
    const ajv = addFormats(new Ajv({ strict: true, allErrors: true }));
    for (const file of FILES)
      ajv.addSchema(
        JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'k6-summary', file), 'utf8')) as object,
      );
    compiled = ajv.getSchema(K6_SUMMARY_SCHEMA_ID)!;
  }
  if (compiled(value)) return [];
  return (compiled.errors ?? []).map(
    (e) => `${e.instancePath || '/'}: ${e.message ?? 'invalid'} (${e.schemaPath})`,
  );
}

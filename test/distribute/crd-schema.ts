import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Ajv2020, type AnySchemaObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { load } from 'js-yaml';
import { REPO_ROOT } from '../../src/config/repo-root.js';

// ajv-formats ships CJS with a default export; under NodeNext its type is the module namespace.
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const CRD = join('shared', 'k6-operator', 'k6.io_testruns.yaml');

/**
 * k6-operator's TestRun CRD (Apache-2.0 data) where the issue puts it: ../shared beside the
 * checkout, found by walking up from the repository (a worktree sits one level deeper);
 * HARNESS_K6_OPERATOR_CRD names another copy. Never copied into the repository.
 */
export function findCrd(): string | undefined {
  const named = process.env.HARNESS_K6_OPERATOR_CRD;
  if (named !== undefined && named !== '') return named;
  for (let dir = dirname(REPO_ROOT); ; dir = dirname(dir)) {
    if (existsSync(join(dir, CRD))) return join(dir, CRD);
    if (dirname(dir) === dir) return undefined;
  }
}

interface Crd {
  spec: { versions: { name: string; schema: { openAPIV3Schema: AnySchemaObject } }[] };
}

/**
 * An object schema that lists its properties and says nothing of others admits no others:
 * kubectl (field validation Strict, its default) refuses an unknown field instead of letting the
 * API server prune it, so a misspelt field (`subpathExpr`) is an error here too.
 */
function closeObjects(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(closeObjects);
  if (typeof node !== 'object' || node === null) return;
  const schema = node as Record<string, unknown>;
  if (typeof schema.properties === 'object' && schema.additionalProperties === undefined)
    schema.additionalProperties = false;
  for (const [key, value] of Object.entries(schema))
    if (key === 'properties') Object.values(value as object).forEach(closeObjects);
    else closeObjects(value);
}

const INT32 = 2 ** 31;

/** The Kubernetes structural-schema extensions, as the API server applies them. */
function addKubernetesKeywords(ajv: Ajv2020): void {
  ajv.addKeyword({ keyword: 'x-kubernetes-map-type', schemaType: 'string' }); // granular|atomic: merge strategy only
  ajv.addKeyword({ keyword: 'x-kubernetes-list-map-keys', schemaType: 'array' }); // read by list-type map below
  ajv.addKeyword({
    keyword: 'x-kubernetes-int-or-string',
    schemaType: 'boolean',
    validate: (on: boolean, data: unknown) =>
      !on || typeof data === 'string' || (typeof data === 'number' && Number.isInteger(data)),
  });
  ajv.addKeyword({
    keyword: 'x-kubernetes-list-type',
    type: 'array',
    schemaType: 'string',
    // set: items unique; map: items unique by their list-map-keys; atomic: anything.
    validate: (kind: string, data: unknown[], parent?: AnySchemaObject) => {
      if (kind === 'atomic') return true;
      const keys = (parent?.['x-kubernetes-list-map-keys'] ?? []) as string[];
      const ids = data.map((item) =>
        JSON.stringify(kind === 'set' ? item : keys.map((k) => (item as Record<string, unknown>)[k])),
      );
      return new Set(ids).size === ids.length;
    },
  });
}

export interface CrdValidation {
  readonly valid: boolean;
  readonly errors: readonly string[];
}

/** A validator of TestRun objects against the CRD's own openAPIV3Schema (version v1alpha1). */
export function testRunValidator(path: string): (doc: unknown) => CrdValidation {
  const crd = load(readFileSync(path, 'utf8')) as Crd;
  const version = crd.spec.versions.find((v) => v.name === 'v1alpha1');
  if (version === undefined) throw new Error(`${path} has no v1alpha1 version`);
  const schema = structuredClone(version.schema.openAPIV3Schema);
  closeObjects(schema);
  const ajv = new Ajv2020({ allErrors: true, strictTypes: false });
  addFormats(ajv);
  ajv.addFormat('int32', {
    type: 'number',
    validate: (n: number) => Number.isInteger(n) && n >= -INT32 && n < INT32,
  });
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isSafeInteger(n) });
  addKubernetesKeywords(ajv);
  const validate = ajv.compile(schema);
  return (doc) => {
    const valid = validate(doc) === true;
    return {
      valid,
      errors: (validate.errors ?? []).map(
        (e) =>
          `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${e.params !== undefined && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : ''}`,
      ),
    };
  };
}

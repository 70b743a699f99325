import { loadSchemas } from '../../src/contract/index.js';

/** One way to make a valid execute body invalid, derived from execute-request.schema.json. */
export interface Mutation {
  readonly field: string;
  /** 'missing', or the JSON type of the wrong value. */
  readonly kind: string;
  readonly value?: unknown;
}

const SAMPLES: Readonly<Record<string, unknown>> = {
  string: 'harness',
  number: 7,
  boolean: true,
  null: null,
  object: { harness: 1 },
  array: ['harness'],
};

interface PropertyRule {
  readonly field: string;
  readonly types: readonly string[];
  readonly minLength?: number;
}

/** Required fields and their JSON types, following $refs into common.schema.json. */
export function requestRules(file = 'execute-request.schema.json'): {
  required: readonly string[];
  properties: readonly PropertyRule[];
} {
  const schemas = new Map(loadSchemas().map((s) => [s.file, s.schema]));
  const root = schemas.get(file);
  if (root === undefined) throw new Error(`schemas/${file} not found`);
  const resolve = (node: Record<string, unknown>): Record<string, unknown> => {
    const ref = node.$ref;
    if (typeof ref !== 'string') return node;
    const [refFile, pointer = ''] = ref.split('#');
    let target: unknown = schemas.get(refFile === '' || refFile === undefined ? file : refFile);
    for (const token of pointer.split('/').filter((t) => t !== ''))
      target = (target as Record<string, unknown>)[token];
    return resolve(target as Record<string, unknown>);
  };
  const props = (root.properties ?? {}) as Record<string, Record<string, unknown>>;
  const required = (root.required ?? []) as string[];
  const properties = Object.entries(props).map(([field, node]) => {
    const s = resolve(node);
    const types = Array.isArray(s.type) ? (s.type as string[]) : typeof s.type === 'string' ? [s.type] : [];
    return { field, types, ...(typeof s.minLength === 'number' ? { minLength: s.minLength } : {}) };
  });
  return { required, properties };
}

/** Every field missing, then every field with a value of each JSON type it does not allow. */
export function requestMutations(file?: string): Mutation[] {
  const { required, properties } = requestRules(file);
  const out: Mutation[] = required.map((field) => ({ field, kind: 'missing' }));
  for (const { field, types, minLength } of properties) {
    if (types.length === 0) continue;
    for (const [kind, value] of Object.entries(SAMPLES)) {
      const allowed = types.includes(kind) || (kind === 'number' && types.includes('integer'));
      if (!allowed) out.push({ field, kind, value });
    }
    if (minLength !== undefined && minLength > 0) out.push({ field, kind: 'empty string', value: '' });
  }
  return out;
}

export function applyMutation(body: Record<string, unknown>, m: Mutation): Record<string, unknown> {
  const copy = { ...body };
  if (m.kind === 'missing') delete copy[m.field];
  else copy[m.field] = m.value;
  return copy;
}

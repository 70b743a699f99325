import fc from 'fast-check';
import type { AnySchemaObject } from 'ajv/dist/2020.js';
import { loadSchemas } from '../../../src/contract/index.js';

/**
 * Schema-driven invalid request bodies: for a request schema in schemas/, starting from a
 * valid body, either drop a required property, give a property a value of a type its schema
 * forbids, or replace the whole body with a non-object. Every body generated this way is
 * invalid against the schema (the test double-checks with ajv), so the target must say 4xx.
 */
type JsonType = 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array' | 'null';

const byType: Record<JsonType, fc.Arbitrary<unknown>> = {
  string: fc.string({ maxLength: 40 }),
  number: fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer()),
  integer: fc.integer(),
  boolean: fc.boolean(),
  object: fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  array: fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  null: fc.constant(null),
};
const ALL_TYPES = Object.keys(byType) as JsonType[];

function resolve(schema: AnySchemaObject, defs: Map<string, AnySchemaObject>): AnySchemaObject {
  const ref = schema.$ref as string | undefined;
  if (ref === undefined) return schema;
  const [file = '', pointer = ''] = ref.split('#');
  const target = defs.get(file);
  const name = pointer.split('/').pop() ?? '';
  const defsOfTarget = target?.$defs as Record<string, AnySchemaObject> | undefined;
  const resolved = defsOfTarget?.[name];
  if (resolved === undefined) throw new Error(`cannot resolve ${ref}`);
  return resolved;
}

/** Types a value of this (resolved) property schema must NOT have. */
function forbiddenTypes(schema: AnySchemaObject): JsonType[] {
  const allowed = new Set<string>([schema.type as string | string[]].flat());
  // Integers are numbers; a number-typed property accepts them.
  if (allowed.has('number')) allowed.add('integer');
  return ALL_TYPES.filter((t) => !allowed.has(t));
}

export function invalidBodies(schemaFile: string, valid: Record<string, unknown>): fc.Arbitrary<unknown> {
  const schemas = new Map(loadSchemas().map((s) => [s.file, s.schema]));
  const schema = schemas.get(schemaFile);
  if (schema === undefined) throw new Error(`no schema ${schemaFile}`);
  const required = (schema.required as string[] | undefined) ?? [];
  const properties = (schema.properties ?? {}) as Record<string, AnySchemaObject>;

  const dropRequired = fc.constantFrom(...required).map((name) => {
    const body = { ...valid };
    delete body[name];
    return body;
  });
  const wrongType = fc.constantFrom(...Object.keys(properties)).chain((name) => {
    const types = forbiddenTypes(resolve(properties[name], schemas));
    return fc
      .constantFrom(...types)
      .chain((t) => byType[t])
      .map((value) => ({ ...valid, [name]: value }));
  });
  const notAnObject = fc.oneof(byType.string, byType.number, byType.boolean, byType.array, byType.null);
  return fc.oneof(
    { arbitrary: wrongType, weight: 3 },
    { arbitrary: dropRequired, weight: 2 },
    { arbitrary: notAnObject, weight: 1 },
  );
}

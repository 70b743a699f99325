/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-assignment, @typescript-eslint/no-unsafe-argument -- walks a parsed YAML document: its shape is what the test checks */
// Structural validation of the exported OpenAPI 3.1 document, beyond what the OpenAPI linter
// checks (redocly-lint.test.ts): every $ref to schemas/ names a schema ajv compiles, every example
// validates against the contract file its body is built on, links name real operations and fields.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { load } from 'js-yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { ContractValidator, SCHEMAS_DIR } from '../../src/contract/index.js';
import { buildOpenApiDocument, toYaml } from '../../src/openapi/index.js';
import { loadProfile } from '../../src/target/index.js';
import { REPO } from '../fixtures/run-cli.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- walking a parsed document
const COMMITTED = join(REPO, 'openapi', 'workflow-api.yaml');
const validator = new ContractValidator();
const tmp = mkdtempSync(join(tmpdir(), 'harness-openapi-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const pointer = (doc: Json, ref: string): unknown =>
  ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>(
      (node, part) => (node as Json | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')],
      doc,
    );

/** Every `$ref` in the document: internal ones resolve, file ones name a schema that compiles. */
function checkRefs(doc: Json, node: unknown, base: string, seen: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => checkRefs(doc, item, base, seen));
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        seen.push(value);
        if (value.startsWith('#')) expect(pointer(doc, value), value).toBeDefined();
        else {
          const file = resolve(base, value.split('#')[0] ?? '');
          expect(dirname(file)).toBe(SCHEMAS_DIR);
          validator.compile(file.slice(SCHEMAS_DIR.length + 1));
        }
      } else checkRefs(doc, value, base, seen);
    }
  }
  return seen;
}

/**
 * The schemas/ file a media type's schema is built on: its own `$ref`, or, for a schema narrowed
 * to the profile's workflows (#/components/schemas/…), the file its composition starts from.
 */
function contractFile(doc: Json, schema: Json): string {
  const ref = schema.$ref as string | undefined;
  if (ref?.startsWith('#')) return contractFile(doc, pointer(doc, ref) as Json);
  if (ref !== undefined) return ref.split('/').pop() ?? '';
  return contractFile(doc, (schema.allOf ?? schema.oneOf)[0] as Json);
}

function checkDocument(doc: Json, base: string): void {
  expect(doc.openapi).toBe('3.1.0');
  expect(doc.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
  expect(doc.components.securitySchemes.apiKey).toEqual({ type: 'apiKey', in: 'header', name: 'x-api-key' });
  for (const requirement of doc.security)
    for (const name of Object.keys(requirement)) expect(doc.components.securitySchemes[name]).toBeDefined();
  const refs = checkRefs(doc, doc, base);
  for (const file of [
    'execute-request',
    'execute-response',
    'background-response',
    'get-conversation-request',
    'conversation',
    'error-body',
  ])
    expect(
      refs.some((r) => r.endsWith(`/${file}.schema.json`)),
      file,
    ).toBe(true);
  const ops = Object.values(doc.paths as Json).map((item) => (item as Json).post as Json);
  expect(ops.map((op) => String(op.operationId)).sort()).toEqual([
    'executeWorkflow',
    'executeWorkflowBackground',
    'getConversationById',
  ]);
  for (const op of ops) {
    for (const status of ['400', '401', '403', '404']) {
      const response = pointer(doc, op.responses[status].$ref) as Json;
      expect(contractFile(doc, response.content['application/json'].schema)).toBe('error-body.schema.json');
    }
    const bodies: Json[] = [op.requestBody, ...Object.values(op.responses as Json)].map(
      (r) => (r.$ref ? pointer(doc, r.$ref) : r) as Json,
    );
    for (const body of bodies) {
      const media = body.content?.['application/json'] as Json | undefined;
      for (const [name, example] of Object.entries((media?.examples ?? {}) as Json)) {
        const outcome = validator.validate(contractFile(doc, (media as Json).schema), example.value);
        expect(outcome.errors, `${op.operationId} example ${name}`).toEqual([]);
      }
    }
    for (const link of Object.values((op.responses['200'].links ?? {}) as Json)) {
      const target = ops.find((o) => o.operationId === link.operationId) as Json;
      expect(target, link.operationId).toBeDefined();
      const required = JSON.parse(
        readFileSync(
          join(SCHEMAS_DIR, contractFile(doc, target.requestBody.content['application/json'].schema)),
          'utf8',
        ),
      ) as Json;
      for (const [field, expression] of Object.entries(link.requestBody as Json)) {
        expect(Object.keys(required.properties)).toContain(field);
        const [, where, prop] = /^\$(request|response)\.body#\/(\w+)$/.exec(String(expression)) ?? [];
        const source = where === 'request' ? op.requestBody : op.responses['200'];
        const schema = JSON.parse(
          readFileSync(join(SCHEMAS_DIR, contractFile(doc, source.content['application/json'].schema)), 'utf8'),
        ) as Json;
        expect(schema.required, String(expression)).toContain(prop);
      }
    }
  }
}

describe('harness openapi', () => {
  it('the committed document is what the generator builds, and it is a sound OpenAPI 3.1 document', () => {
    const text = readFileSync(COMMITTED, 'utf8');
    expect(text.split('\n')[0]).toMatch(/^# GENERATED by scripts\/generators\/openapi\.ts/);
    const doc = load(text) as Json;
    checkDocument(doc, dirname(COMMITTED));
    const paths = doc.paths as Json;
    expect(paths['/api/executeWorkflow'].post.responses['200'].links).toMatchObject({
      conversation: { operationId: 'getConversationById' },
      continuation: { operationId: 'executeWorkflow' },
    });
    // What the docs leave open is marked.
    const conversation = paths['/api/getConversationById'].post.responses['200'];
    expect(conversation['x-documented']).toBe(false);
    expect(paths['/api/executeWorkflow'].post.responses['504']['x-documented']).toBe(false);
  });

  it('the checks catch a broken document (an example off its schema, a dangling $ref)', () => {
    const profile = loadProfile('example-staging');
    const doc = buildOpenApiDocument(profile, { schemasBase: '../schemas', version: '0' });
    expect(() => checkDocument(structuredClone(doc), join(REPO, 'openapi'))).not.toThrow();
    const badExample = structuredClone<Json>(doc);
    badExample.paths['/api/executeWorkflow'].post.requestBody.content[
      'application/json'
    ].examples.fast.value.version = 'one';
    expect(() => checkDocument(badExample, join(REPO, 'openapi'))).toThrow(/example fast/);
    const dangling = structuredClone<Json>(doc);
    dangling.paths['/api/executeWorkflow'].post.responses['401'].$ref = '#/components/responses/Error999';
    expect(() => checkDocument(dangling, join(REPO, 'openapi'))).toThrow();
  });

  it('YAML output parses back to exactly the document, tricky strings included', () => {
    const data = {
      'a: b': ['#x', 'yes', '12', ' lead', 'trail ', 'x #y', '', 'line\nbreak', 'é "q"'],
      n: [1.5, -2, null, true],
      e: {},
      l: [],
      nested: [[{ k: 'v', k2: [1] }]],
    };
    expect(load(toYaml(data))).toEqual(data);
  });

  it('--target --out writes the profile’s workflows as examples, $refs relative to the file', async () => {
    const out = join(tmp, 'deep', '..', 'staging.yaml');
    const program = await buildProgram();
    await program.parseAsync(['openapi', '--target', 'example-staging', '--out', out], { from: 'user' });
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')[0]).toContain('harness openapi --target example-staging');
    const doc = load(text) as Json;
    checkDocument(doc, tmp);
    expect(doc.servers).toEqual([{ url: 'http://127.0.0.1:8080' }]);
    const examples = doc.paths['/api/executeWorkflow'].post.requestBody.content['application/json']
      .examples as Json;
    expect(examples.fast.value).toEqual({
      workflowId: '12345',
      version: 1,
      input: { 'First Name': 'John', Age: 30 },
    });
  });
});

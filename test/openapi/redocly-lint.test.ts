/* eslint-disable @typescript-eslint/no-unsafe-member-access, @typescript-eslint/no-unsafe-return -- edits a built document to break it: its shape is what the linter checks */
// The exported OpenAPI documents pass a real OpenAPI linter, Redocly CLI (devDependency
// @redocly/cli, with redocly.yaml): no problem at all, warnings included, and the linter does fail
// on a broken document.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { SCHEMAS_DIR } from '../../src/contract/index.js';
import { buildOpenApiDocument, toYaml } from '../../src/openapi/index.js';
import { loadProfile } from '../../src/target/index.js';
import { REPO } from '../fixtures/run-cli.js';
import { redoclyLint, type LintProblem } from './redocly.js';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- editing a built document
const tmp = mkdtempSync(join(tmpdir(), 'harness-redocly-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const TARGETS = readdirSync(join(REPO, 'targets'))
  .filter((f) => f.endsWith('.json') && !f.endsWith('.accepted.json'))
  .map((f) => f.replace(/\.json$/, ''));
const brief = (problems: LintProblem[]): string[] => problems.map((p) => `${p.ruleId} ${p.pointer}`);

/** Writes `doc` as YAML in the temporary folder ($refs relative to it) and lints it. */
function lintDocument(name: string, doc: Json): Promise<LintProblem[]> {
  const file = join(tmp, `${name}.yaml`);
  writeFileSync(file, toYaml(doc));
  return redoclyLint(file);
}

describe('Redocly CLI lints the exported OpenAPI documents (redocly.yaml)', () => {
  it('the committed document (the embedded reference, narrowed to its workflows) lints clean', async () => {
    expect(brief(await redoclyLint(join(REPO, 'openapi', 'workflow-api.yaml')))).toEqual([]);
  });

  it.each(TARGETS)(
    'harness openapi --target %s lints clean, narrowed and with --no-narrow',
    async (target) => {
      const program = await buildProgram();
      for (const flags of [[], ['--no-narrow']]) {
        const out = join(tmp, `${target}${flags.join('')}.yaml`);
        await program.parseAsync(['openapi', '--target', target, '--out', out, ...flags], { from: 'user' });
        expect(brief(await redoclyLint(out)), flags.join(' ')).toEqual([]);
      }
    },
  );

  it('fails a broken document: a dangling $ref, examples off their (narrowed, nested) schemas', async () => {
    const doc = buildOpenApiDocument(loadProfile('example-staging'), {
      schemasBase: relative(tmp, SCHEMAS_DIR),
      version: '0',
    });
    expect(brief(await lintDocument('intact', doc))).toEqual([]);

    const dangling = structuredClone<Json>(doc);
    dangling.paths['/api/executeWorkflow'].post.responses['401'].$ref = '#/components/responses/Error999';
    expect(brief(await lintDocument('dangling', dangling))).toContain(
      'no-unresolved-refs #/paths/~1api~1executeWorkflow/post/responses/401',
    );

    // Age is a number only in the narrowed schema (the profile's input components).
    const execute = (d: Json): Json => d.paths['/api/executeWorkflow'].post;
    const badInput = structuredClone<Json>(doc);
    execute(badInput).requestBody.content['application/json'].examples.fast.value.input.Age = 'thirty';
    const inputProblems = await lintDocument('bad-input', badInput);
    expect(brief(inputProblems)).toContain(
      'no-invalid-media-type-examples #/paths/~1api~1executeWorkflow/post/requestBody/content/application~1json/examples/fast/value/input/Age',
    );
    expect(inputProblems.every((p) => p.severity === 'error')).toBe(true);

    // creditUsage ≥ 0 is said in common.schema.json, which execute-response.schema.json refers to.
    const badCredits = structuredClone<Json>(doc);
    execute(badCredits).responses['200'].content['application/json'].examples.fast.value.creditUsage = -1;
    expect(brief(await lintDocument('bad-credits', badCredits))).toContain(
      'no-invalid-media-type-examples #/paths/~1api~1executeWorkflow/post/responses/200/content/application~1json/examples/fast/value/creditUsage',
    );
  });
});

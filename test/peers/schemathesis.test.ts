import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../fixtures/run-cli.js';
import { SCHEMATHESIS_VERSION, schemathesisTool, titled } from '../support/required-tool.js';
import type { StFinding } from './junit-findings.js';
import { runSchemathesis, type StRun } from './run-schemathesis.js';

const st = schemathesisTool();

interface Accepted {
  readonly operation: string;
  readonly code: string;
  readonly status: number;
  readonly reason: string;
}
const ACCEPTED = JSON.parse(
  readFileSync(new URL('./schemathesis-accepted.json', import.meta.url), 'utf8'),
) as Accepted[];
const accepted = (f: StFinding): boolean =>
  ACCEPTED.some((a) => a.operation === f.operation && a.code === f.code && a.status === f.status);
const describeFinding = (f: StFinding): string => `${f.operation} ${f.code} ${f.title} [${String(f.status)}]`;

// Faults the document alone shows: a response's body shape or content type, or the security scheme;
// missing-output-component only with the document narrowed to the reference's workflows.
const SCHEMA_FAULTS: Readonly<Record<string, string>> = {
  'mistyped-field': 'ST108',
  'renamed-field': 'ST108',
  'error-shape': 'ST108',
  'wrong-content-type': 'ST105',
  'auth-ignored': 'ST401',
  'missing-output-component': 'ST108',
};

const runs: string[] = [];
afterAll(() => {
  // The numbers the README quotes, printed once per run of this file.
  if (runs.length > 0) console.log(`Schemathesis against the reference:\n${runs.join('\n')}`);
});

describe('Schemathesis (PyPI) against the embedded reference with the exported OpenAPI document (narrowed to its workflows)', () => {
  it('.ci/run installs the pinned version into .venv/', () => {
    const script = readFileSync(`${REPO}/.ci/run`, 'utf8');
    expect(script).toContain(`SCHEMATHESIS_VERSION=${SCHEMATHESIS_VERSION}`);
    expect(script).toMatch(/python3 -m venv \.venv/);
    expect(script).toContain('.venv/bin/pip install -q "schemathesis==${SCHEMATHESIS_VERSION}"');
  });

  it.skipIf(st.skip !== false)(
    titled(
      'finds no server error and no schema violation on the clean reference, beyond the accepted ones',
      st,
    ),
    async () => {
      const run: StRun = await runSchemathesis(st.need(), []);
      runs.push(
        `clean: ${run.requests} requests, findings ${run.findings.map(describeFinding).join('; ') || 'none'}`,
      );
      expect(run.requests, run.output).toBeGreaterThan(20);
      expect(run.findings.filter((f) => !accepted(f)).map(describeFinding), run.output).toEqual([]);
      // Every accepted finding still occurs: a stale entry is removed, not kept.
      for (const a of ACCEPTED)
        expect(
          run.findings.some((f) => f.code === a.code && f.status === a.status),
          a.reason,
        ).toBe(true);
    },
  );

  for (const [fault, code] of Object.entries(SCHEMA_FAULTS))
    it.skipIf(st.skip !== false)(titled(`flags the ${fault} fault (${code})`, st), async () => {
      const run = await runSchemathesis(st.need(), [fault]);
      const fresh = run.findings.filter((f) => !accepted(f));
      runs.push(
        `${fault}: ${run.requests} requests, flagged ${fresh.map(describeFinding).join('; ') || 'nothing'}`,
      );
      expect(run.exitCode, run.output).not.toBe(0);
      expect(
        fresh.map((f) => f.code),
        run.output,
      ).toContain(code);
    });

  it.skipIf(st.skip !== false)(
    titled('misses missing-output-component with the generic document (harness openapi --no-narrow)', st),
    async () => {
      const run = await runSchemathesis(st.need(), ['missing-output-component'], { narrow: false });
      const fresh = run.findings.filter((f) => !accepted(f));
      runs.push(
        `missing-output-component, generic document: ${run.requests} requests, flagged ${fresh.map(describeFinding).join('; ') || 'nothing'}`,
      );
      expect(run.requests, run.output).toBeGreaterThan(20);
      expect(fresh.map(describeFinding), run.output).toEqual([]);
    },
  );
});

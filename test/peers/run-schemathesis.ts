import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { startReference } from '../../reference/index.js';
import { SCHEMAS_DIR } from '../../src/contract/index.js';
import { buildOpenApiDocument, toYaml } from '../../src/openapi/index.js';
import { parseJunitFindings, type StFinding } from './junit-findings.js';

/**
 * The checks run: the ones the document alone decides (server errors, response schemas and content
 * types, the security scheme); status-code and negative-data checks are left out.
 */
export const CHECKS = [
  'not_a_server_error',
  'response_schema_conformance',
  'content_type_conformance',
  'ignored_auth',
];

export interface StRun {
  readonly exitCode: number | null;
  /** HTTP requests Schemathesis sent (entries of its HAR report). */
  readonly requests: number;
  readonly findings: readonly StFinding[];
  /** Its console output, for the assertion messages. */
  readonly output: string;
}

/**
 * Starts the embedded reference (loopback, fast time) with `faults`, writes its OpenAPI document
 * (the `$ref`s point at schemas/ relative to the document, as `harness openapi --out` does) and
 * runs Schemathesis against it, bounded in examples, phases, per-request time and wall time.
 * `narrow: false` exports the generic document (`harness openapi --no-narrow`) instead of the one
 * narrowed to the reference's workflows.
 */
export async function runSchemathesis(
  bin: string,
  faults: readonly string[],
  options: { narrow?: boolean } = {},
): Promise<StRun> {
  const dir = mkdtempSync(join(tmpdir(), 'harness-st-'));
  const ref = await startReference({ timeScale: 0.02, faults, seed: 7 });
  try {
    const document = buildOpenApiDocument(ref.profile(), {
      schemasBase: relative(dir, SCHEMAS_DIR).split('\\').join('/'),
      version: '0.0.0',
      server: { url: ref.url },
      narrow: options.narrow ?? true,
    });
    writeFileSync(join(dir, 'api.yaml'), toYaml(document));
    const args = ['run', 'api.yaml', '--url', ref.url, '-H', `x-api-key: ${ref.keys.full}`];
    args.push('--checks', CHECKS.join(','), '--phases', 'examples,fuzzing', '--max-examples', '10');
    args.push('--request-timeout', '5', '--seed', '1', '--continue-on-failure', '--workers', '1');
    args.push('--report', 'junit,har', '--report-junit-path', 'st.xml', '--report-har-path', 'st.har');
    const { code, output } = await spawnBounded(bin, args, dir, 50_000);
    const har = JSON.parse(readFileSync(join(dir, 'st.har'), 'utf8')) as { log: { entries: unknown[] } };
    return {
      exitCode: code,
      requests: har.log.entries.length,
      findings: parseJunitFindings(readFileSync(join(dir, 'st.xml'), 'utf8')),
      output,
    };
  } finally {
    await ref.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs asynchronously (the reference answers from this process); a run past `limitMs` is killed and thrown. */
function spawnBounded(
  bin: string,
  args: string[],
  cwd: string,
  limitMs: number,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd, env: { ...process.env, NO_COLOR: '1' } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`schemathesis ran past ${limitMs} ms and was stopped:\n${output}`));
    }, limitMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

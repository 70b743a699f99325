// `npm run bench:har` (a benchmark, not a test): what `--har` costs. (1) A verify of the embedded
// reference (time scale 0.02) with and without --har, alternated on one reused check runner so
// machine load hits both alike: wall time, entries and file size. (2) The spool step alone
// (entry built, redacted, appended) per exchange, over 2000 exchanges of a typical size.
// Flags: --runs 3 (verify pairs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { HAR_MAX_ENTRIES, collectHar, spoolExchange, type HarWritten } from '../src/har/index.js';
import { startEmbedded } from '../src/target/index.js';
import { CheckRunner, runVerify } from '../src/verify/index.js';

const { values } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(values.runs);
const dir = mkdtempSync(join(tmpdir(), 'bench-har-'));
const config = { timeScale: 0.02, faults: [], seed: 1, reportsDir: dir };

async function verifyOnce(
  runner: CheckRunner,
  har: string | undefined,
): Promise<{ ms: number; har?: HarWritten }> {
  const target = await startEmbedded({ timeScale: 0.02, faults: [], seed: 1 });
  let written: HarWritten | undefined;
  const started = performance.now();
  try {
    await runVerify(config, target, {
      runner,
      write: false,
      ...(har === undefined ? {} : { har, onHar: (w) => (written = w) }),
    });
  } finally {
    await target.stop();
  }
  return { ms: performance.now() - started, ...(written === undefined ? {} : { har: written }) };
}

const runner = await CheckRunner.create();
const rows: string[][] = [];
try {
  await verifyOnce(runner, undefined); // warm-up: workers and schemas compiled
  for (let i = 0; i < runs; i++) {
    const plain = await verifyOnce(runner, undefined);
    const recorded = await verifyOnce(runner, join(dir, `run-${i}.har`));
    rows.push([
      String(i + 1),
      plain.ms.toFixed(0),
      recorded.ms.toFixed(0),
      String(recorded.har?.entries ?? 0),
      ((recorded.har?.bytes ?? 0) / 1024).toFixed(1),
    ]);
  }
} finally {
  await runner.close();
}
console.log('verify of the reference (22 checks), wall ms');
console.log('run  without --har  with --har  entries  HAR KiB');
for (const r of rows)
  console.log(
    `${r[0]?.padEnd(4)} ${r[1]?.padStart(13)} ${r[2]?.padStart(11)} ${r[3]?.padStart(8)} ${r[4]?.padStart(8)}`,
  );

const spool = join(dir, 'spool');
const body = JSON.stringify({
  conversationId: 'c'.repeat(36),
  output: { Report: 'x'.repeat(300) },
  creditUsage: 3,
});
const t0 = performance.now();
for (let i = 0; i < HAR_MAX_ENTRIES; i++)
  spoolExchange(spool, {
    startedAt: Date.now(),
    durationMs: 5,
    method: 'POST',
    url: 'http://127.0.0.1:1/api/executeWorkflow',
    requestHeaders: { 'content-type': 'application/json', 'x-api-key': 'sk-bench-000000' },
    requestBody: '{"workflowId":"12345","version":1,"input":{"First Name":"John","Age":30}}',
    status: 200,
    statusText: 'OK',
    responseHeaders: { 'content-type': 'application/json' },
    responseBody: body,
  });
const spoolMs = performance.now() - t0;
const t1 = performance.now();
const merged = collectHar(spool, join(dir, 'merged.har'), 'bench');
const mergeMs = performance.now() - t1;
console.log(
  `\nspool: ${HAR_MAX_ENTRIES} exchanges in ${spoolMs.toFixed(0)} ms (${((spoolMs * 1000) / HAR_MAX_ENTRIES).toFixed(0)} µs each); merge into ${(merged.bytes / 1024).toFixed(0)} KiB in ${mergeMs.toFixed(0)} ms`,
);
rmSync(dir, { recursive: true, force: true });

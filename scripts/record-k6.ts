// `npm run record:k6` (needs K6_BIN): runs every conformance script and scenario bundle on real
// k6 and writes what k6 produced to test/engine/transcripts/recorded/, which `npm test` replays
// on the local engine. `npm run record:k6 -- <name>…` re-records only the subjects named (a
// script's name takes its `@variant`s along; `<script>@<variant>` names one variant).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { HarnessError, isHarnessError } from '../src/errors/index.js';
import { REPO_ROOT as ROOT } from '../src/config/repo-root.js';
import {
  HEADER,
  inspectSubject,
  listSubjects,
  prepareSubjects,
  runSubject,
  transcriptPath,
  writeTranscript,
} from '../test/engine/transcripts/kit/index.js';

function k6Binary(): string {
  const bin = process.env.K6_BIN;
  if (bin === undefined || bin === '')
    throw new HarnessError(
      'HARNESS_ERR_K6_UNAVAILABLE',
      'npm run record:k6 needs a real k6: K6_BIN is not set',
      {
        hint: 'Run `K6_BIN=/path/to/k6 npm run record:k6` (k6 ≥ 1.0; this project never installs k6). Without k6, `npm test` replays the transcripts already recorded.',
      },
    );
  return bin;
}

async function main(only: readonly string[]): Promise<void> {
  const k6 = k6Binary();
  const versionText = execFileSync(k6, ['version'], { encoding: 'utf8', timeout: 10_000 }).trim();
  const versionJson = JSON.parse(
    execFileSync(k6, ['version', '--json'], { encoding: 'utf8', timeout: 10_000 }),
  ) as {
    version?: string;
  };
  const version = (versionJson.version ?? '').replace(/^v/, '');
  const all = listSubjects();
  const subjects =
    only.length === 0
      ? all
      : all.filter((s) => only.includes(s.name) || only.includes(s.id) || only.includes(s.script));
  if (subjects.length === 0)
    throw new HarnessError('HARNESS_ERR_SCENARIO_UNKNOWN', `no subject named ${only.join(', ')}`, {
      hint: `Use one of: ${all.map((s) => s.id).join(', ')}.`,
    });
  console.log(`record:k6 — ${versionText}; ${subjects.length} subjects`);
  // Time-based executors finish fewer iterations on a starved machine, and replays compare with that.
  const [load = 0] = loadavg();
  if (load > availableParallelism())
    console.log(
      `record:k6 — warning: load average ${load.toFixed(1)} on ${availableParallelism()} cores; counts of time-based executors will be low: record on a quiet machine`,
    );
  const work = mkdtempSync(join(tmpdir(), 'record-k6-'));
  const started = performance.now();
  try {
    const prepared = await prepareSubjects(subjects, work);
    for (const subject of subjects) {
      const p = prepared.get(subject.id)!;
      const { executors, thresholds } = inspectSubject(k6, subject, p.script);
      const run = await runSubject('k6', subject, p);
      if (run.observed.timedOut) throw new Error(`${subject.id}: k6 did not finish within its bound`);
      const path = await writeTranscript({
        $comment: HEADER,
        id: subject.id,
        source: subject.source,
        sha256: p.sha256,
        k6: { version, versionText, versionJson },
        args: run.args,
        env: run.env,
        executors,
        thresholds,
        observed: run.observed,
      });
      const its = Object.entries(run.observed.scenarios)
        .map(([n, c]) => `${n}: ${c.iterations} it, ${c.dropped} dropped`)
        .join('; ');
      console.log(
        `${subject.id.padEnd(36)} exit ${String(run.observed.exitCode).padStart(3)}  ${String(run.observed.wallMs).padStart(6)} ms  ${its}  → ${relative(ROOT, path)}`,
      );
    }
    if (only.length === 0) removeOrphans(new Set(all.map((s) => transcriptPath(s.id))));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  console.log(`record:k6 — done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** A transcript whose script or scenario is gone would be replayed against nothing: removed. */
function removeOrphans(keep: ReadonlySet<string>): void {
  const dir = join(ROOT, 'test', 'engine', 'transcripts', 'recorded');
  for (const kind of readdirSync(dir))
    for (const file of readdirSync(join(dir, kind))) {
      const path = join(dir, kind, file);
      if (!keep.has(path)) {
        rmSync(path);
        console.log(`removed ${relative(ROOT, path)} (its subject no longer exists)`);
      }
    }
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (!isHarnessError(error)) throw error;
  console.error(error.format());
  process.exit(2);
}

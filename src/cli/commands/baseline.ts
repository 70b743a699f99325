import type { Command } from 'commander';
import { HarnessError, isHarnessError } from '../../errors/index.js';
import {
  baselineObjection,
  baselineOf,
  deleteBaseline,
  listBaselines,
  readManifest,
  resolveRunDir,
  saveBaseline,
  seriesId,
  seriesOf,
  type BaselineRecord,
  type Series,
} from '../../history/index.js';
import type { CommandModule } from '../command-module.js';
import { reportsDirOf } from '../project-root.js';

const REPORTS_DIR = [
  '--reports-dir <dir>',
  'where run folders live (default: reports/ in the project root)',
] as const;
const line = (b: BaselineRecord): string => `${b.runId}  saved ${b.savedAt}  ${seriesId(b.series)}`;

/** The series a RUN names: a run folder, or the run id of a saved baseline whose run was pruned. */
function seriesNamedBy(reportsDir: string, run: string | undefined): Series {
  const saved = listBaselines(reportsDir).find((b) => b.runId === run);
  return saved?.series ?? seriesOf(readManifest(resolveRunDir(reportsDir, run)));
}

function save(reportsDir: string, run: string | undefined, ifNone: boolean): string {
  if (!ifNone) {
    const record = saveBaseline(reportsDir, resolveRunDir(reportsDir, run));
    return `baseline saved: ${line(record)}\n  copy: ${record.path}`;
  }
  // The nightly's mode: save only a first healthy run; anything else is a note, not an error.
  let dir: string;
  try {
    dir = resolveRunDir(reportsDir, run);
  } catch (error) {
    if (isHarnessError(error) && error.code === 'HARNESS_ERR_RUN_NOT_FOUND')
      return `baseline not saved: no run with results (${error.message})`;
    throw error;
  }
  const manifest = readManifest(dir);
  const existing = baselineOf(reportsDir, seriesOf(manifest));
  if (existing !== undefined) return `baseline kept: ${line(existing)}`;
  const objection = baselineObjection(manifest);
  if (objection !== undefined)
    return `baseline not saved: run ${manifest.runId} ${objection.replace(/^it /, '')}`;
  return `baseline saved (first of its series): ${line(saveBaseline(reportsDir, dir))}`;
}

/** `harness baseline list|show|save|delete`: the run `harness compare` measures later runs of its series against. */
export const command: CommandModule = {
  register(program: Command) {
    const baseline = program
      .command('baseline')
      .description('Manage the baseline run of each series (target, profile, scenario set, engine, faults)');
    baseline
      .command('list', { isDefault: true })
      .description('List the saved baselines, one per series')
      .option(...REPORTS_DIR)
      .option('--json', 'print them as JSON')
      .action(async (flags: { reportsDir?: string; json?: boolean }) => {
        const all = listBaselines(await reportsDirOf(flags.reportsDir));
        if (flags.json === true) process.stdout.write(`${JSON.stringify(all, null, 2)}\n`);
        else
          process.stdout.write(all.length === 0 ? 'no baselines saved\n' : `${all.map(line).join('\n')}\n`);
      });
    baseline
      .command('show [run]')
      .description('Show the baseline of a run\'s series (id, path or "latest"; default latest)')
      .option(...REPORTS_DIR)
      .action(async (run: string | undefined, flags: { reportsDir?: string }) => {
        const reportsDir = await reportsDirOf(flags.reportsDir);
        const series = seriesNamedBy(reportsDir, run);
        const record = baselineOf(reportsDir, series);
        if (record === undefined)
          throw new HarnessError('HARNESS_ERR_BASELINE_MISSING', `no baseline saved for ${seriesId(series)}`);
        const m = readManifest(record.path);
        process.stdout.write(
          `${line(record)}\n  copy: ${record.path}\n  run started ${m.startedAt}, status ${m.status}, exit code ${m.exitCode ?? '—'}\n`,
        );
      });
    baseline
      .command('save [run]')
      .description(
        'Make a complete, passing run (id, path or "latest"; default latest) the baseline of its series; incomplete runs and runs with failures are refused',
      )
      .option(
        '--if-none',
        'only when its series has no baseline yet; an unusable run is a note, exit 0 (the nightly)',
      )
      .option(...REPORTS_DIR)
      .action(async (run: string | undefined, flags: { reportsDir?: string; ifNone?: boolean }) => {
        process.stdout.write(`${save(await reportsDirOf(flags.reportsDir), run, flags.ifNone === true)}\n`);
      });
    baseline
      .command('delete [run]')
      .description("Forget the baseline of a run's series (a run id/path, or the baseline's own run id)")
      .option(...REPORTS_DIR)
      .action(async (run: string | undefined, flags: { reportsDir?: string }) => {
        const reportsDir = await reportsDirOf(flags.reportsDir);
        const series = seriesNamedBy(reportsDir, run);
        if (!deleteBaseline(reportsDir, series))
          throw new HarnessError('HARNESS_ERR_BASELINE_MISSING', `no baseline saved for ${seriesId(series)}`);
        process.stdout.write(`baseline deleted: ${seriesId(series)}\n`);
      });
  },
};

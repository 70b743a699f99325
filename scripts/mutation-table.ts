/**
 * Prints the mutation score per module (the modules of issue 15) and per file from Stryker's JSON
 * report(s): `tsx scripts/mutation-table.ts [report.json ...]` (default reports/mutation/mutation.json).
 * Several reports (one per module run) are merged, the later one winning for a file in two.
 * `--survivors` also lists every mutant left alive, with its line.
 */
import { readFileSync } from 'node:fs';

/** The modules the score is judged on, in the order docs/mutation.md lists them. */
export const MODULES = [
  'src/engine/metrics',
  'src/engine/local/executors',
  'src/compare',
  'contracts/kit',
  'src/secrets',
  'src/verify',
  'src/load',
] as const;

interface Mutant {
  readonly status: string;
  readonly mutatorName: string;
  readonly replacement?: string;
  readonly location: { readonly start: { readonly line: number; readonly column: number } };
}

export interface Report {
  readonly files: Record<string, { readonly source?: string; readonly mutants: readonly Mutant[] }>;
}

/** Every mutant left alive (survived or not covered), one line each: what to kill or explain. */
export function survivors(reports: readonly Report[]): string[] {
  const lines: string[] = [];
  for (const report of reports) {
    for (const [file, { source, mutants }] of Object.entries(report.files)) {
      const text = source?.split('\n') ?? [];
      for (const m of mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage')) {
        const { line } = m.location.start;
        const code = (text[line - 1] ?? '').trim().slice(0, 90);
        const replacement = (m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 60);
        lines.push(`${file}:${line} ${m.status} ${m.mutatorName} → ${replacement}   | ${code}`);
      }
    }
  }
  return lines;
}

export interface Tally {
  killed: number;
  survived: number;
  noCoverage: number;
  timeout: number;
  errors: number;
}

const empty = (): Tally => ({ killed: 0, survived: 0, noCoverage: 0, timeout: 0, errors: 0 });

/** Stryker's mutation score: detected / (detected + undetected); errors and ignored mutants are left out. */
export function score(t: Tally): number | undefined {
  const valid = t.killed + t.timeout + t.survived + t.noCoverage;
  return valid === 0 ? undefined : (100 * (t.killed + t.timeout)) / valid;
}

export function tallyFiles(reports: readonly Report[]): Map<string, Tally> {
  const files = new Map<string, Tally>();
  for (const report of reports) {
    for (const [file, { mutants }] of Object.entries(report.files)) {
      const t = empty();
      for (const { status } of mutants) {
        if (status === 'Killed') t.killed++;
        else if (status === 'Survived') t.survived++;
        else if (status === 'NoCoverage') t.noCoverage++;
        else if (status === 'Timeout') t.timeout++;
        else if (status === 'CompileError' || status === 'RuntimeError') t.errors++;
      }
      files.set(file.replace(/\\/g, '/'), t);
    }
  }
  return files;
}

function add(into: Tally, t: Tally): void {
  into.killed += t.killed;
  into.survived += t.survived;
  into.noCoverage += t.noCoverage;
  into.timeout += t.timeout;
  into.errors += t.errors;
}

const pct = (t: Tally): string => {
  const s = score(t);
  return s === undefined ? '–' : `${s.toFixed(1)} %`;
};
const row = (name: string, t: Tally): string =>
  `| ${name} | ${pct(t)} | ${t.killed} | ${t.timeout} | ${t.survived} | ${t.noCoverage} |`;

export function table(files: Map<string, Tally>): string {
  const lines = [
    '| module / file | score | killed | timeout | survived | no coverage |',
    '|---|---|---|---|---|---|',
  ];
  for (const mod of MODULES) {
    const mine = [...files].filter(([f]) => f.startsWith(`${mod}/`)).sort(([a], [b]) => a.localeCompare(b));
    if (mine.length === 0) continue;
    const total = empty();
    for (const [, t] of mine) add(total, t);
    lines.push(row(`**${mod}**`, total));
    for (const [f, t] of mine) lines.push(row(`  ${f.slice(mod.length + 1)}`, t));
  }
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const paths = args.filter((a) => a !== '--survivors');
  const reports = (paths.length > 0 ? paths : ['reports/mutation/mutation.json']).map(
    (p) => JSON.parse(readFileSync(p, 'utf8')) as Report,
  );
  console.log(table(tallyFiles(reports)));
  if (args.includes('--survivors')) console.log(['', ...survivors(reports)].join('\n'));
}

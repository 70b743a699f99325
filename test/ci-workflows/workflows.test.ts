import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { REPO } from '../fixtures/run-cli.js';
import { ACTIONLINT_VERSION, actionlintTool, titled } from '../support/required-tool.js';
import { commandsOf, readWorkflow, type WorkflowFacts } from './workflow-commands.js';

const actionlint = actionlintTool();

const read = (file: string): string => readFileSync(join(REPO, file), 'utf8');
const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;

/** `npx harness a b --x` → the subcommand it names; every --flag must be one of its options. */
function checkHarnessCommand(program: Command, words: string[]): string[] {
  const problems: string[] = [];
  let cmd: Command = program;
  const args = words.slice(2);
  while (args.length > 0 && !args[0].startsWith('-')) {
    const next = cmd.commands.find((c) => c.name() === args[0]);
    if (next === undefined) break;
    cmd = next;
    args.shift();
  }
  if (cmd === program) return [`${words.join(' ')}: no such harness command`];
  const flags = new Set(
    cmd.options.flatMap((o) => [o.long, o.short]).filter((f): f is string => f !== undefined),
  );
  for (const arg of args)
    if (arg.startsWith('--') && !flags.has(arg.split('=')[0]))
      problems.push(`${words.join(' ')}: harness ${cmd.name()} has no option ${arg}`);
  return problems;
}

function problemsOf(program: Command, facts: WorkflowFacts): string[] {
  const problems: string[] = [];
  for (const command of facts.runs.flatMap(commandsOf)) {
    const words = command.split(/\s+/);
    if (words[0] === 'npx' && words[1] === 'harness') problems.push(...checkHarnessCommand(program, words));
    else if (words[0] === 'npm' && words[1] === 'test' && scripts.test === undefined)
      problems.push('npm test: no "test" script');
    else if (words[0] === 'npm' && words[1] === 'run' && scripts[words[2] ?? ''] === undefined)
      problems.push(`${command}: no such script`);
  }
  return problems;
}

describe('GitHub workflows', () => {
  let program: Command;
  let ci: WorkflowFacts;
  let nightly: WorkflowFacts;
  beforeAll(async () => {
    program = await buildProgram();
    ci = readWorkflow(read('.github/workflows/ci.yml'));
    nightly = readWorkflow(read('.github/workflows/nightly.yml'));
  });

  it('the reader finds run steps in block and plain form', () => {
    const facts = readWorkflow(
      'steps:\n  - run: npm ci\n  - name: x\n    run: |\n      echo a\n      npx harness run --ci\n    env:\n      A: b\n',
    );
    expect(facts.runs).toEqual(['npm ci', 'echo a\nnpx harness run --ci']);
    expect(commandsOf(facts.runs[1])).toEqual(['echo a', 'npx harness run --ci']);
  });

  it('the checker rejects unknown commands and options (it can fail)', () => {
    expect(
      problemsOf(program, {
        runs: ['npx harness nope', 'npx harness run --bogus', 'npm run nope'],
        uses: [],
        pairs: [],
      }),
    ).toHaveLength(3);
  });

  it('ci.yml runs .ci/run, which installs every tool and runs the README test command with the tools mandatory', () => {
    const readmeTest = /^npm test\b/m.exec(read('README.md'));
    expect(readmeTest).not.toBeNull();
    expect(ci.runs.flatMap(commandsOf)).toContain('.ci/run');
    expect(ci.pairs).toContain('container: node:20-bookworm');
    expect(ci.uses).toContain('actions/setup-go@v5');
    const script = read('.ci/run');
    expect(script).toMatch(/apt-get install .*chromium/);
    expect(script).toContain(`ACTIONLINT_VERSION=${ACTIONLINT_VERSION}`);
    expect(script).toMatch(
      /go install "github\.com\/rhysd\/actionlint\/cmd\/actionlint@\$\{ACTIONLINT_VERSION\}"/,
    );
    expect(script).toMatch(/^HARNESS_REQUIRE_TOOLS=1 npm test$/m);
    expect(problemsOf(program, ci)).toEqual([]);
  });

  it.skipIf(actionlint.skip !== false)(
    titled('actionlint finds no problem in .github/workflows/', actionlint),
    () => {
      const bin = actionlint.need();
      const lint = (files: string[], cwd = REPO): { code: number; out: string } => {
        const res = spawnSync(bin, ['-no-color', ...files], { cwd, encoding: 'utf8', timeout: 60_000 });
        return { code: res.status ?? -1, out: `${res.stdout}${res.stderr}` };
      };
      const ours = lint([]);
      expect(ours.out).toBe('');
      expect(ours.code).toBe(0);
      // It can fail: a step condition naming an unknown step output is reported.
      const bad = mkdtempSync(join(tmpdir(), 'harness-actionlint-'));
      try {
        writeFileSync(
          join(bad, 'bad.yml'),
          'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - if: ${{ steps.nope.outputs.x }}\n        run: echo "${{ github.nonexistent_context }}"\n',
        );
        const res = lint([join(bad, 'bad.yml')], bad);
        expect(res.code).not.toBe(0);
        expect(res.out).toMatch(/nonexistent_context/);
      } finally {
        rmSync(bad, { recursive: true, force: true });
      }
    },
  );

  it('nightly.yml installs Node 20 and k6 with the official action, runs the main job, compares, uploads reports', () => {
    expect(nightly.uses).toEqual(
      expect.arrayContaining([
        'actions/setup-node@v4',
        'grafana/setup-k6-action@v1',
        'actions/upload-artifact@v4',
      ]),
    );
    expect(nightly.pairs).toContain('node-version: 20');
    expect(nightly.pairs).toEqual(expect.arrayContaining(['HARNESS_PROFILE: nightly', 'HARNESS_ENGINE: k6']));
    const commands = nightly.runs.flatMap(commandsOf);
    expect(commands).toContain('npx harness run --ci');
    // A first healthy run becomes the baseline; nothing else is saved without being asked for.
    expect(commands).toContain('npx harness baseline save latest --if-none');
    expect(commands.some((c) => c.startsWith('npx harness compare'))).toBe(true);
    expect(nightly.pairs).toContain('path: reports/');
    expect(problemsOf(program, nightly)).toEqual([]);
  });

  it('the key comes from secrets through the environment only, never on a command line', () => {
    expect(nightly.pairs).toContain('HARNESS_API_KEY: ${{ secrets.HARNESS_API_KEY }}');
    for (const run of [...nightly.runs, ...ci.runs]) {
      expect(run).not.toMatch(/secrets\./);
      expect(run).not.toMatch(/HARNESS_API_KEY/);
    }
  });
});

import { relative } from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';
import { REPO_ROOT } from '../config/index.js';
import { HarnessError } from '../errors/index.js';
import { createVitest, type TestSpecification, type Vitest } from 'vitest/node';
// Type-only: the kit's provided-context contract, shared with the checks.
import type { CheckTarget } from '../../contracts/kit/target-context.js';
import type { CheckRecord } from '../../contracts/kit/define-check.js';
import type { CheckResult } from './check-result.js';

/** Checks are discovered by this glob: add one by dropping a file. */
export const CHECK_GLOB = 'contracts/**/*.check.ts';

/** Called with each check's result as it finishes (streamed output); the run's return value is the sorted whole. */
export type CheckListener = (check: CheckResult) => void;

/** A check file's id: contracts/<id>.check.ts. */
export const checkIdOf = (file: string): string => file.replace(/^.*\//, '').replace(/\.check\.ts$/, '');

/**
 * One vitest instance for contracts/, reused across runs (the detection table runs the
 * suite once per fault): workers stay warm, schemas stay compiled. The target reaches
 * the checks through vitest's `provide`, in memory, so keys never touch a file.
 */
export class CheckRunner {
  private listener: CheckListener | undefined;

  private constructor(
    private readonly vitest: Vitest,
    private readonly specs: TestSpecification[],
  ) {}

  /** `only`: the ids of the checks to run (exactly; `harness verify --check`), default all. */
  static async create(
    options: { filter?: readonly string[]; only?: readonly string[] } = {},
  ): Promise<CheckRunner> {
    // vitest prints nothing itself (an empty reporter list would bring back its default one);
    // this one only hands each finished check to the current run's listener.
    const holder: { runner?: CheckRunner } = {};
    const streaming: Reporter = {
      onTestCaseResult: (test: TestCase) => holder.runner?.listener?.(testResult(test)),
    };
    // Stryker disable next-line all: the mutation run's own plumbing, not a verdict.
    const mutationSetup = process.env.HARNESS_MUTATION_CHECK_SETUP;
    const vitest = await createVitest(
      'test',
      {
        root: REPO_ROOT,
        config: false,
        watch: false,
        reporters: [streaming],
        include: [CHECK_GLOB],
        // `npm run mutation` only: carries the active mutant into these workers and their hits back.
        // Stryker disable next-line all: the mutation run's own plumbing, not a verdict.
        setupFiles: mutationSetup === undefined ? [] : [mutationSetup],
        pool: 'threads',
        isolate: false,
        maxWorkers: 2,
        passWithNoTests: false,
      },
      { logLevel: 'silent' },
    );
    const all = await vitest.globTestSpecifications(
      options.filter === undefined ? undefined : [...options.filter],
    );
    const only = options.only;
    const known = all.map((s) => checkIdOf(s.moduleId));
    const unknown = (only ?? []).filter((id) => !known.includes(id));
    if (unknown.length > 0) {
      await vitest.close();
      throw new HarnessError('HARNESS_ERR_USAGE', `--check ${unknown.join(', ')}: no such check`, {
        hint: `A check id is its file name in contracts/ without .check.ts: ${known.sort().join(', ')}.`,
      });
    }
    const specs = only === undefined ? all : all.filter((s) => only.includes(checkIdOf(s.moduleId)));
    const runner = new CheckRunner(vitest, specs);
    holder.runner = runner;
    return runner;
  }

  get checkFiles(): string[] {
    return this.specs.map((s) => relative(REPO_ROOT, s.moduleId));
  }

  async run(target: CheckTarget, onCheck?: CheckListener): Promise<CheckResult[]> {
    this.vitest.provide('harnessTarget', target);
    const exitCode = process.exitCode;
    this.listener = onCheck;
    const { testModules, unhandledErrors } = await this.vitest
      .runTestSpecifications(this.specs, true)
      .finally(() => (this.listener = undefined));
    // vitest flags failed tests on the process; a contract failure is verify's to report.
    process.exitCode = exitCode;
    const results = testModules.flatMap((m) => moduleResults(m)).sort((a, b) => a.id.localeCompare(b.id));
    for (const error of unhandledErrors) {
      results.push(
        internalFailure(
          'unhandled-error',
          'An error escaped a check',
          String((error as { message?: unknown }).message ?? error),
        ),
      );
    }
    return results;
  }

  async close(): Promise<void> {
    await this.vitest.close();
  }
}

function moduleResults(mod: TestModule): CheckResult[] {
  const tests = [...mod.children.allTests()];
  const file = relative(REPO_ROOT, mod.moduleId);
  if (tests.length === 0) {
    const errors = mod
      .errors()
      .map((e) => e.message)
      .join('; ');
    return [
      internalFailure(
        file,
        `${file} declares no check`,
        errors === '' ? 'the file defines no check (call defineCheck once)' : errors,
      ),
    ];
  }
  return tests.map(testResult);
}

/** One check's result from its vitest test case and the record its kit left in the meta. */
function testResult(test: TestCase): CheckResult {
  const record: CheckRecord | undefined = test.meta().harness;
  const result = test.result();
  const durationMs = Math.round(test.diagnostic()?.duration ?? 0);
  const base = {
    id: record?.id ?? test.name,
    title: record?.title ?? test.name,
    endpoints: [...(record?.endpoints ?? [])],
    ...(record === undefined ? {} : { basis: record.basis }),
    durationMs,
  };
  if (result.state === 'skipped')
    return {
      ...base,
      outcome: 'skipped',
      reason: record?.skipReason ?? result.note ?? 'skipped',
      failures: [],
    };
  if (result.state === 'passed') return { ...base, outcome: 'passed', failures: [], ...observations(record) };
  const failures = record?.failures ?? [];
  if (failures.length > 0) return { ...base, outcome: 'failed', failures, ...observations(record) };
  // The check itself threw (a bug or a timeout): still a failure, with vitest's message.
  const message =
    (result.state === 'failed' ? result.errors : []).map((e) => e.message).join('; ') ||
    'the check did not finish';
  return {
    ...internalFailure(base.id, base.title, message),
    endpoints: base.endpoints,
    durationMs,
    ...observations(record),
  };
}

/** Facts and deviations (inferred-undeclared or typical expectations not met): shown apart from failures. */
function observations(record: CheckRecord | undefined): Pick<CheckResult, 'observations' | 'deviations'> {
  if (record === undefined) return {};
  return {
    ...(Object.keys(record.observations).length > 0 ? { observations: record.observations } : {}),
    ...(record.deviations.length > 0 ? { deviations: record.deviations } : {}),
  };
}

function internalFailure(id: string, title: string, message: string): CheckResult {
  return {
    id,
    title,
    outcome: 'failed',
    durationMs: 0,
    failures: [
      {
        code: 'CHECK_ERROR',
        check: id,
        endpoint: '(check)',
        status: null,
        instancePath: '',
        schemaPath: 'check',
        received: message,
        documented: 'the check runs to completion',
        message: `(check) check: Received: ${message} / Documented: the check runs to completion`,
      },
    ],
  };
}

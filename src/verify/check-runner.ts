import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';
import { REPO_ROOT } from '../config/index.js';
import { createVitest, type TestSpecification, type Vitest } from 'vitest/node';
// Type-only: the kit's provided-context contract, shared with the checks.
import type { CheckTarget } from '../../contracts/kit/target-context.js';
import type { CheckRecord } from '../../contracts/kit/define-check.js';
import type { CheckResult } from './check-result.js';

/** Checks are discovered by this glob: add one by dropping a file. */
export const CHECK_GLOB = 'contracts/**/*.check.ts';

// Results are read from the run's test modules; nothing is printed while checks run
// (an empty reporter list would make vitest fall back to its default reporter).
const SILENT: Reporter = {};

/**
 * One vitest instance for contracts/, reused across runs (the detection table runs the
 * suite once per fault): workers stay warm, schemas stay compiled. The target reaches
 * the checks through vitest's `provide`, in memory, so keys never touch a file.
 */
export class CheckRunner {
  private constructor(
    private readonly vitest: Vitest,
    private readonly specs: TestSpecification[],
  ) {}

  static async create(options: { filter?: readonly string[] } = {}): Promise<CheckRunner> {
    const vitest = await createVitest(
      'test',
      {
        root: REPO_ROOT,
        config: false,
        watch: false,
        reporters: [SILENT],
        include: [CHECK_GLOB],
        pool: 'threads',
        isolate: false,
        maxWorkers: 2,
        passWithNoTests: false,
      },
      { logLevel: 'silent' },
    );
    const specs = await vitest.globTestSpecifications(
      options.filter === undefined ? undefined : [...options.filter],
    );
    return new CheckRunner(vitest, specs);
  }

  get checkFiles(): string[] {
    return this.specs.map((s) => relative(REPO_ROOT, s.moduleId));
  }

  async run(target: CheckTarget): Promise<CheckResult[]> {
    this.vitest.provide('harnessTarget', target);
    const exitCode = process.exitCode;
    const { testModules, unhandledErrors } = await this.vitest.runTestSpecifications(this.specs, true);
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
  return tests.map((test) => {
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
    if (result.state === 'passed')
      return { ...base, outcome: 'passed', failures: [], ...observations(record) };
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
  });
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

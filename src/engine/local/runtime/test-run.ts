import type { MetricsEngine, Tags } from '../../metrics/types.js';
import { formatLogLine, type LogLevel } from './log-line.js';

export const epochNow = (): number => performance.timeOrigin + performance.now();

/** k6's exit codes (errext/exitcodes) that the local engine can produce. */
export const EXIT = {
  ok: 0,
  thresholdsHaveFailed: 99,
  setupTimeout: 100,
  teardownTimeout: 101,
  invalidConfig: 104,
  scriptException: 107,
  scriptAborted: 108,
  /** SIGINT/SIGTERM: k6 stops gracefully, writes its summary and exits 105 (ExternalAbort). */
  externalAbort: 105,
} as const;

/** Thrown into a VU to unwind it: test.abort() or a threshold with abortOnFail. */
export class TestAbort extends Error {
  constructor(
    readonly reason: string,
    readonly exitCode: number,
  ) {
    super(reason);
    this.name = 'TestAbort';
  }
}

export interface CheckCount {
  readonly group: string;
  readonly name: string;
  passes: number;
  fails: number;
}

/** Thrown inside an iteration that its executor has hard-stopped (after gracefulStop). */
export class Interrupted extends Error {
  constructor() {
    super('iteration interrupted');
    this.name = 'Interrupted';
  }
}

/** State shared by every VU of one test run; VUs and executors only touch it through here. */
export class TestRun {
  readonly t0 = performance.now();
  readonly startedAt = epochNow();
  readonly checks = new Map<string, CheckCount>();
  readonly groups = new Set<string>(['']);
  readonly stop = new AbortController();
  vusActive = 0;
  vusMax = 0;
  aborted: TestAbort | undefined;

  iterationsCompleted = 0;
  iterationsInterrupted = 0;
  /** options.tags, known once the init context has run. */
  globalTags: Tags = {};
  /**
   * k6's --system-tags: the system tags a request's samples keep (undefined: k6's default set).
   * Applied to the tags the engine adds to HTTP samples; scenario, group and check are always kept.
   */
  systemTags: ReadonlySet<string> | undefined;

  constructor(
    readonly metrics: MetricsEngine,
    private readonly logLine: (line: string) => void,
    /** k6's log format follows stderr: logrus' terminal form on a TTY, logfmt otherwise. */
    private readonly logTTY = false,
    /** `-v`: console.debug is shown (k6 hides it otherwise). */
    readonly verbose = false,
  ) {}

  elapsedMs(): number {
    return performance.now() - this.t0;
  }

  emit(metric: string, value: number, tags: Tags, time: number = epochNow()): void {
    this.metrics.add({ metric, time, value, tags });
  }

  countCheck(group: string, name: string, ok: boolean): void {
    const key = `${group}\u0000${name}`;
    let entry = this.checks.get(key);
    if (entry === undefined) {
      entry = { group, name, passes: 0, fails: 0 };
      this.checks.set(key, entry);
    }
    if (ok) entry.passes++;
    else entry.fails++;
  }

  /** Stops every scenario; the first reason wins. */
  abort(reason: string, exitCode: number): void {
    if (this.aborted !== undefined) return;
    this.aborted = new TestAbort(reason, exitCode);
    this.stop.abort(this.aborted);
  }

  get stopping(): boolean {
    return this.stop.signal.aborted;
  }

  log(level: LogLevel, message: string, fields: Readonly<Record<string, string>> = {}): void {
    this.logLine(formatLogLine(this.logTTY, this.elapsedMs(), level, message, fields));
  }
}

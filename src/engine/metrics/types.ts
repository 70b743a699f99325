/**
 * The contract between the local engine's runtime (src/engine/local: VUs, executors,
 * k6 modules) and its metrics layer (src/engine/metrics: storage, thresholds,
 * summaries, JSON output). Both sides code against this file only.
 */

export type MetricType = 'counter' | 'gauge' | 'rate' | 'trend';
/** k6's `contains`: whether values are times (ms), bytes, or plain numbers. */
export type ValueType = 'default' | 'time' | 'data';
export type Tags = Readonly<Record<string, string>>;

export interface MetricDefinition {
  readonly name: string;
  readonly type: MetricType;
  readonly contains: ValueType;
}

export interface Sample {
  readonly metric: string;
  /** Epoch milliseconds (fractional allowed). */
  readonly time: number;
  readonly value: number;
  readonly tags: Tags;
}

/** A threshold as written in `options.thresholds` (string or object form). */
export type ThresholdSpec = string | { threshold: string; abortOnFail?: boolean; delayAbortEval?: string };

export interface ThresholdResult {
  /** The key in options.thresholds, e.g. "http_req_duration{endpoint:executeWorkflow}". */
  readonly metric: string;
  readonly expression: string;
  readonly ok: boolean;
  readonly abortOnFail: boolean;
}

export interface ThresholdEvaluation {
  readonly results: readonly ThresholdResult[];
  /** True when a failed threshold has abortOnFail and its delayAbortEval has passed. */
  readonly abort: boolean;
}

export interface MetricsEngine {
  /** Idempotent for the same name and type; throws a HarnessError when redefined differently. */
  define(name: string, type: MetricType, contains?: ValueType): MetricDefinition;
  add(sample: Sample): void;
  /** Validates the syntax of every threshold (unknown metric, bad expression → HarnessError naming it). */
  setThresholds(thresholds: Readonly<Record<string, readonly ThresholdSpec[]>>): void;
  /**
   * `elapsedMs` since the test started, for delayAbortEval. During the run (the
   * default) metrics without samples are skipped, as k6 does; pass `{ final: true }`
   * once at the end, where an empty metric counts as zeros (k6's end-of-test rule).
   */
  evaluateThresholds(elapsedMs: number, options?: { readonly final?: boolean }): ThresholdEvaluation;
  /** The `data` argument of handleSummary in k6's classic shape (metrics with values, thresholds, root_group, options, state). */
  legacySummary(state: SummaryState): Record<string, unknown>;
  /** What k6 v2.2.0 hands handleSummary under --new-machine-readable-summary (format "1.0.0"). */
  machineReadableSummary(state: SummaryState): Record<string, unknown>;
  /** Flushes and closes the raw-sample output (k6 JSON output format), if any. */
  close(): Promise<void>;
}

export interface SummaryState {
  readonly testRunDurationMs: number;
  readonly isStdOutTTY: boolean;
  readonly isStdErrTTY: boolean;
  /** Check results by group path, as k6's root_group has them. */
  readonly checks: readonly {
    readonly group: string;
    readonly name: string;
    readonly passes: number;
    readonly fails: number;
  }[];
  readonly groups: readonly string[];
  readonly options: Readonly<Record<string, unknown>>;
  readonly scriptPath: string;
  /** The script's text (k6's machine-readable summary carries it as config.script). */
  readonly scriptSource?: string;
  /** What setup() returned, passed through as handleSummary's `setup_data` when defined. */
  readonly setupData?: unknown;
}

export interface MetricsEngineOptions {
  /** Write every sample as k6's JSON output (NDJSON: Metric and Point lines); gzip when the path ends in .gz. */
  readonly jsonOut?: string;
  /** k6's summaryTrendStats, default ["avg","min","med","max","p(90)","p(95)"]. */
  readonly summaryTrendStats?: readonly string[];
  /** Samples a Trend keeps exactly before it spills into an HDR histogram (default 4M; TrendSink). */
  readonly trendExactLimit?: number;
}

/** k6's built-in metrics, which the runtime emits and the summary always knows. */
export const BUILTIN_METRICS: readonly MetricDefinition[] = [
  { name: 'checks', type: 'rate', contains: 'default' },
  { name: 'data_received', type: 'counter', contains: 'data' },
  { name: 'data_sent', type: 'counter', contains: 'data' },
  { name: 'dropped_iterations', type: 'counter', contains: 'default' },
  { name: 'http_req_blocked', type: 'trend', contains: 'time' },
  { name: 'http_req_connecting', type: 'trend', contains: 'time' },
  { name: 'http_req_duration', type: 'trend', contains: 'time' },
  { name: 'http_req_failed', type: 'rate', contains: 'default' },
  { name: 'http_req_receiving', type: 'trend', contains: 'time' },
  { name: 'http_req_sending', type: 'trend', contains: 'time' },
  { name: 'http_req_tls_handshaking', type: 'trend', contains: 'time' },
  { name: 'http_req_waiting', type: 'trend', contains: 'time' },
  { name: 'http_reqs', type: 'counter', contains: 'default' },
  { name: 'iteration_duration', type: 'trend', contains: 'time' },
  { name: 'iterations', type: 'counter', contains: 'default' },
  { name: 'vus', type: 'gauge', contains: 'default' },
  { name: 'vus_max', type: 'gauge', contains: 'default' },
];

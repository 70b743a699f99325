import { HarnessError } from '../../errors/index.js';
import { aggregate } from './aggregate.js';
import type { MetricEntry, MetricRegistry } from './metric-registry.js';
import { compare, parseThreshold, parseThresholdKey, type ParsedThreshold } from './threshold-parser.js';
import type { ThresholdEvaluation, ThresholdResult, ThresholdSpec } from './types.js';

export interface EntryResult {
  /** The metric or sub-metric name the threshold reads, e.g. "http_req_duration{endpoint:a}". */
  readonly entry: string;
  readonly result: ThresholdResult;
}

interface BoundThreshold {
  readonly parsed: ParsedThreshold;
  readonly entry: MetricEntry;
}

/**
 * The thresholds of a run, bound to the sinks they read. k6 evaluates them
 * periodically during the run — skipping metrics that have no samples yet, so a
 * threshold cannot abort a test before its metric was ever measured — and once at
 * the end, when an empty metric counts as all-zero values (k6 ≥ 0.40: issue 1346).
 */
export class ThresholdSet {
  private bound: BoundThreshold[] = [];

  constructor(private readonly registry: MetricRegistry) {}

  /** Parses every key and expression first, so a bad one leaves the previous set in place. */
  set(thresholds: Readonly<Record<string, readonly ThresholdSpec[]>>): void {
    const next: BoundThreshold[] = [];
    for (const [key, specs] of Object.entries(thresholds)) {
      const { metric, filters, suffix } = parseThresholdKey(key);
      const parent = this.registry.metrics.get(metric);
      if (parent === undefined) {
        throw new HarnessError(
          'HARNESS_ERR_THRESHOLD_INVALID',
          `threshold ${JSON.stringify(key)} names metric ${JSON.stringify(metric)}, which is neither built in nor defined by the script`,
          {
            details: { key },
          },
        );
      }
      const list: readonly ThresholdSpec[] = Array.isArray(specs)
        ? specs
        : [specs as unknown as ThresholdSpec];
      const parsed = list.map((spec) => parseThreshold(key, spec, parent.definition.type));
      const entry =
        Object.keys(filters).length === 0 ? parent : this.registry.submetric(metric, filters, suffix);
      for (const p of parsed) next.push({ parsed: p, entry });
    }
    this.bound = next;
  }

  /** Keys and expressions of the thresholds on an entry (full metric name), in definition order. */
  expressionsFor(name: string): string[] {
    return this.bound.filter((b) => b.entry.name === name).map((b) => b.parsed.source);
  }

  get entries(): readonly MetricEntry[] {
    return [...new Set(this.bound.map((b) => b.entry))];
  }

  evaluate(elapsedMs: number, final: boolean): ThresholdEvaluation {
    const detailed = this.evaluateByEntry(elapsedMs, final);
    return { results: detailed.results.map((r) => r.result), abort: detailed.abort };
  }

  /** Each result with the name of the metric or sub-metric it read (for the summaries). */
  evaluateByEntry(elapsedMs: number, final: boolean): { results: EntryResult[]; abort: boolean } {
    const results: EntryResult[] = [];
    let abort = false;
    for (const { parsed, entry } of this.bound) {
      let ok = true;
      if (final || !entry.sink.empty) {
        ok = compare(aggregate(entry.sink, parsed.aggregation, elapsedMs), parsed.operator, parsed.target);
      }
      if (!ok && !final && parsed.abortOnFail && elapsedMs >= parsed.delayAbortEvalMs) abort = true;
      results.push({
        entry: entry.name,
        result: { metric: parsed.key, expression: parsed.source, ok, abortOnFail: parsed.abortOnFail },
      });
    }
    return { results, abort };
  }
}

import { HarnessError } from '../../errors/index.js';
import { createSink, type Sink } from './sinks.js';
import {
  BUILTIN_METRICS,
  type MetricDefinition,
  type MetricType,
  type Tags,
  type ValueType,
} from './types.js';

/** A metric, or a sub-metric (name{tag:value}) whose sink sees only samples matching all its filters. */
export interface MetricEntry {
  readonly name: string;
  readonly definition: MetricDefinition;
  readonly sink: Sink;
  readonly filters: Tags;
  readonly parent: string | null;
  /** Sub-metrics of this metric, keyed by their full name. */
  readonly submetrics: Map<string, MetricEntry>;
  /** False until the first sample; k6's JSON output declares a metric on its first sample. */
  seen: boolean;
}

const NAME = /^[ \p{L}\p{N}._!?/&#()<>%-]{1,128}$/u;

/** A sub-metric's name as k6 builds it: the metric, then the filter text as written (trimmed) in braces. */
export function submetricName(metric: string, suffix: string): string {
  return `${metric}{${suffix}}`;
}

export class MetricRegistry {
  readonly metrics = new Map<string, MetricEntry>();

  /** trendExactLimit: what each Trend sink keeps exactly before spilling into a histogram. */
  constructor(private readonly trendExactLimit?: number) {
    for (const m of BUILTIN_METRICS) this.define(m.name, m.type, m.contains);
    // k6 always reports http_req_duration for expected responses as a sub-metric.
    this.submetric('http_req_duration', { expected_response: 'true' }, 'expected_response:true');
  }

  define(name: string, type: MetricType, contains: ValueType = 'default'): MetricDefinition {
    const existing = this.metrics.get(name);
    if (existing !== undefined) {
      if (existing.definition.type !== type || existing.definition.contains !== contains) {
        throw new HarnessError(
          'HARNESS_ERR_METRIC_INVALID',
          `metric ${JSON.stringify(name)} is already a ${existing.definition.type} (${existing.definition.contains}); it cannot also be a ${type} (${contains})`,
        );
      }
      return existing.definition;
    }
    if (!NAME.test(name)) {
      throw new HarnessError('HARNESS_ERR_METRIC_INVALID', `metric name ${JSON.stringify(name)} is invalid`, {
        hint: 'Use 1–128 letters, digits, underscores or ._!?/&#()<>%- in custom metric names, as k6 requires.',
      });
    }
    const definition: MetricDefinition = Object.freeze({ name, type, contains });
    this.metrics.set(name, {
      name,
      definition,
      sink: createSink(type, this.trendExactLimit),
      filters: {},
      parent: null,
      submetrics: new Map(),
      seen: false,
    });
    return definition;
  }

  /** Finds or creates the sub-metric named by its filter text; the parent must exist. */
  submetric(metric: string, filters: Tags, suffix: string): MetricEntry {
    const parent = this.metrics.get(metric)!;
    const name = submetricName(metric, suffix);
    let entry = parent.submetrics.get(name);
    if (entry === undefined) {
      entry = {
        name,
        definition: parent.definition,
        sink: createSink(parent.definition.type, this.trendExactLimit),
        filters: { ...filters },
        parent: metric,
        submetrics: new Map(),
        seen: false,
      };
      parent.submetrics.set(name, entry);
    }
    return entry;
  }

  /** Adds to the metric and to every sub-metric whose filters all match the sample's tags. */
  add(entry: MetricEntry, value: number, tags: Tags): void {
    entry.sink.add(value);
    for (const sub of entry.submetrics.values()) {
      let match = true;
      for (const key in sub.filters) {
        if (tags[key] !== sub.filters[key]) {
          match = false;
          break;
        }
      }
      if (match) sub.sink.add(value);
    }
  }
}

import { HarnessError } from '../../errors/index.js';
import { parseDurationMs } from './duration.js';
import type { MetricType, Tags, ThresholdSpec } from './types.js';

export type Operator = '<' | '<=' | '>' | '>=' | '==' | '!=';
/** avg|min|max|med|count|rate|value, or a percentile given as a fraction (p(95) → 0.95). */
export type Aggregation =
  | { readonly kind: 'avg' | 'min' | 'max' | 'med' | 'count' | 'rate' | 'value' }
  | { readonly kind: 'p'; readonly pct: number };

export interface ParsedThreshold {
  readonly key: string;
  readonly source: string;
  readonly aggregation: Aggregation;
  readonly operator: Operator;
  readonly target: number;
  readonly abortOnFail: boolean;
  readonly delayAbortEvalMs: number;
}

export interface ParsedKey {
  readonly metric: string;
  /** Empty for a threshold on the whole metric. */
  readonly filters: Tags;
  /** The text between the braces, trimmed: k6 names the sub-metric `metric{suffix}` from it. */
  readonly suffix: string;
}

/** Which aggregations k6 accepts in a threshold on each metric type (k6 docs, metrics/thresholds). */
export const AGGREGATIONS_BY_TYPE: Readonly<Record<MetricType, readonly string[]>> = {
  counter: ['count', 'rate'],
  gauge: ['value'],
  rate: ['rate'],
  trend: ['avg', 'min', 'max', 'med', 'p(N)'],
};

/**
 * `<aggregation> <operator> <number>`: 1 the aggregation as written, 2 a percentile's number,
 * 3 the operator, 4 the limit. Also read by src/load to report a threshold's parts.
 */
export const THRESHOLD_EXPRESSION =
  /^\s*(avg|min|max|med|count|rate|value|p\(\s*(\d+(?:\.\d+)?)\s*\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*$/;

function invalid(key: string, expression: string, why: string): HarnessError {
  const what =
    expression === ''
      ? `threshold ${JSON.stringify(key)}`
      : `threshold ${JSON.stringify(key)}: ${JSON.stringify(expression)}`;
  return new HarnessError('HARNESS_ERR_THRESHOLD_INVALID', `${what} ${why}`, {
    details: { key, expression },
  });
}

/** `metric{tag:value,tag2:"value"}` → metric name and tag filters (k6 strips quotes around values). */
export function parseThresholdKey(key: string): ParsedKey {
  const match = /^([^{}\s]+)(?:\{(.*)\})?$/.exec(key.trim());
  if (match === null)
    throw invalid(key, '', 'has a malformed metric name or tag filter; write name or name{tag:value}');
  const filters: Record<string, string> = {};
  if (match[2] !== undefined) {
    if (match[2].trim() === '') throw invalid(key, '', 'has an empty tag filter {}');
    for (const pair of match[2].split(',')) {
      const colon = pair.indexOf(':');
      if (colon <= 0)
        throw invalid(key, '', `has a tag filter ${JSON.stringify(pair.trim())} without "tag:value"`);
      const tag = pair.slice(0, colon).trim();
      const value = pair
        .slice(colon + 1)
        .trim()
        .replace(/^(["'])(.*)\1$/, '$2');
      if (tag === '') throw invalid(key, '', 'has an empty tag name');
      filters[tag] = value;
    }
  }
  return { metric: match[1], filters, suffix: (match[2] ?? '').trim() };
}

/** Parses one threshold (string or object form) and checks its aggregation suits the metric type. */
export function parseThreshold(key: string, spec: ThresholdSpec, type: MetricType): ParsedThreshold {
  const source = typeof spec === 'string' ? spec : spec?.threshold;
  if (typeof source !== 'string')
    throw invalid(
      key,
      String(source),
      'is not a string; write e.g. "p(95)<500" or { threshold: "p(95)<500" }',
    );
  const match = THRESHOLD_EXPRESSION.exec(source);
  if (match === null)
    throw invalid(
      key,
      source,
      'is not "<aggregation> <operator> <number>" (aggregations avg|min|max|med|count|rate|value|p(N); operators < <= > >= == != )',
    );
  const name = match[1];
  let aggregation: Aggregation;
  if (match[2] !== undefined) {
    const pct = Number(match[2]);
    if (pct < 0 || pct > 100) throw invalid(key, source, 'has a percentile outside 0–100');
    aggregation = { kind: 'p', pct: pct / 100 };
  } else aggregation = { kind: name as 'avg' };
  const allowed = AGGREGATIONS_BY_TYPE[type];
  if (!allowed.includes(aggregation.kind === 'p' ? 'p(N)' : aggregation.kind)) {
    throw invalid(
      key,
      source,
      `uses "${name}", which a ${type} metric does not have (allowed: ${allowed.join(', ')})`,
    );
  }
  const operator = (match[3] === '===' ? '==' : match[3]) as Operator;
  let abortOnFail = false;
  let delayAbortEvalMs = 0;
  if (typeof spec === 'object') {
    const extra = Object.keys(spec).filter(
      (k) => !['threshold', 'abortOnFail', 'delayAbortEval'].includes(k),
    );
    if (extra.length > 0)
      throw invalid(
        key,
        source,
        `has unknown option(s) ${extra.join(', ')} (allowed: threshold, abortOnFail, delayAbortEval)`,
      );
    if (spec.abortOnFail !== undefined && typeof spec.abortOnFail !== 'boolean')
      throw invalid(key, source, 'has a non-boolean abortOnFail');
    abortOnFail = spec.abortOnFail ?? false;
    if (spec.delayAbortEval !== undefined) {
      const ms = parseDurationMs(spec.delayAbortEval);
      if (ms === null)
        throw invalid(
          key,
          source,
          `has delayAbortEval ${JSON.stringify(spec.delayAbortEval)}, not a duration like "10s"`,
        );
      delayAbortEvalMs = ms;
    }
  }
  return { key, source, aggregation, operator, target: Number(match[4]), abortOnFail, delayAbortEvalMs };
}

export function compare(left: number, operator: Operator, right: number): boolean {
  switch (operator) {
    case '<':
      return left < right;
    case '<=':
      return left <= right;
    case '>':
      return left > right;
    case '>=':
      return left >= right;
    case '==':
      return left === right;
    case '!=':
      return left !== right;
  }
}

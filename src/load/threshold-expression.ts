import {
  THRESHOLD_EXPRESSION,
  parseThresholdKey,
  type ParsedKey,
} from '../engine/metrics/threshold-parser.js';

/** A threshold as the summary reports it: key and expression split into what they say. */
export interface ThresholdParts {
  /** The metric's name without tag filters. */
  readonly name: string;
  /** The sub-metric's tag filters (k6 strips quotes around values); empty for the whole metric. */
  readonly tags: Readonly<Record<string, string>>;
  /** avg|min|max|med|count|rate|value|p(N), as written without spaces. */
  readonly aggregation: string;
  readonly operator: string;
  readonly limit: number;
}

/**
 * Splits `metric{tag:value,…}` and `p(95)<600` with the local engine's own parser (the grammar
 * both engines evaluate). The engines already refused a malformed threshold at start, so one
 * that does not parse here comes back undefined and is still reported with the engine's
 * verdict, just without a limit.
 */
export function parseThreshold(key: string, expression: string): ThresholdParts | undefined {
  const e = THRESHOLD_EXPRESSION.exec(expression);
  if (e === null) return undefined;
  let parsed: ParsedKey;
  try {
    parsed = parseThresholdKey(key);
  } catch {
    return undefined;
  }
  return {
    name: parsed.metric,
    tags: parsed.filters,
    aggregation: e[1].replace(/\s+/g, ''),
    operator: e[3],
    limit: Number(e[4]),
  };
}

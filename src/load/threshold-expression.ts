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

const KEY = /^([^{}\s]+)(?:\{(.*)\})?$/;
const EXPRESSION =
  /^\s*(avg|min|max|med|count|rate|value|p\(\s*\d+(?:\.\d+)?\s*\))\s*(<=|>=|===|==|!=|<|>)\s*(-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?)\s*$/;

/**
 * Splits `metric{tag:value,…}` and `p(95)<600`. The engines already refused a malformed threshold
 * at start (both evaluate them), so an expression that does not parse here comes back undefined
 * and its threshold is still reported with the engine's verdict, just without a limit.
 */
export function parseThreshold(key: string, expression: string): ThresholdParts | undefined {
  const k = KEY.exec(key.trim());
  const e = EXPRESSION.exec(expression);
  if (k === null || e === null) return undefined;
  const tags: Record<string, string> = {};
  for (const pair of (k[2] ?? '').split(',')) {
    const colon = pair.indexOf(':');
    if (colon <= 0) continue;
    tags[pair.slice(0, colon).trim()] = pair
      .slice(colon + 1)
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2');
  }
  return {
    name: k[1],
    tags,
    aggregation: e[1].replace(/\s+/g, ''),
    operator: e[2],
    limit: Number(e[3]),
  };
}

/**
 * Checks a value against the shape k6 v2.2.0 hands handleSummary under
 * `--new-machine-readable-summary` (its format "1.0.0", read off real k6 output: see
 * test/engine/conformance). Returns "path: problem" lines; empty when the value conforms.
 * Both engines' summaries are checked with this, so downstream code can rely on the shape.
 */
const VALUE_KEYS: Readonly<Record<string, readonly string[]>> = {
  counter: ['count'],
  gauge: ['max', 'min', 'value'],
  rate: ['matches', 'rate', 'total'],
  trend: ['avg', 'max', 'med', 'min', 'p90', 'p95'],
};

type Problems = string[];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function keys(v: Record<string, unknown>, expected: readonly string[], path: string, out: Problems): void {
  const have = Object.keys(v).sort();
  const want = [...expected].sort();
  if (have.join() !== want.join()) out.push(`${path}: keys ${have.join(',')} instead of ${want.join(',')}`);
}

function checkMetric(m: unknown, path: string, out: Problems): void {
  if (!isObject(m)) return void out.push(`${path}: not an object`);
  keys(m, ['contains', 'name', 'type', 'values'], path, out);
  if (typeof m.name !== 'string') out.push(`${path}/name: not a string`);
  if (!['default', 'time', 'data'].includes(String(m.contains))) out.push(`${path}/contains: invalid`);
  const valueKeys = VALUE_KEYS[String(m.type)];
  if (valueKeys === undefined) return void out.push(`${path}/type: invalid`);
  if (!isObject(m.values)) return void out.push(`${path}/values: not an object`);
  keys(m.values, valueKeys, `${path}/values`, out);
  for (const [k, v] of Object.entries(m.values))
    if (!(typeof v === 'number' || (m.type === 'trend' && v === null)))
      out.push(`${path}/values/${k}: not a number`);
}

export function checkMachineReadableSummary(value: unknown): string[] {
  const out: Problems = [];
  if (!isObject(value)) return ['/: not an object'];
  keys(value, ['config', 'metadata', 'results', 'version'], '/', out);
  if (value.version !== '1.0.0') out.push('/version: not "1.0.0"');
  const { config, metadata, results } = value;
  if (!isObject(config)) out.push('/config: not an object');
  else {
    keys(config, ['duration', 'execution', 'script'], '/config', out);
    if (typeof config.duration !== 'number') out.push('/config/duration: not a number');
    if (config.execution !== 'local' && config.execution !== 'cloud') out.push('/config/execution: invalid');
    if (typeof config.script !== 'string') out.push('/config/script: not a string');
  }
  if (!isObject(metadata)) out.push('/metadata: not an object');
  else {
    keys(metadata, ['generated_at', 'k6_version'], '/metadata', out);
    if (typeof metadata.generated_at !== 'string' || Number.isNaN(Date.parse(metadata.generated_at)))
      out.push('/metadata/generated_at: not a date-time');
    if (typeof metadata.k6_version !== 'string') out.push('/metadata/k6_version: not a string');
  }
  if (!isObject(results)) return [...out, '/results: not an object'];
  keys(results, ['checks', 'metrics'], '/results', out);
  if (!Array.isArray(results.metrics)) out.push('/results/metrics: not an array');
  else results.metrics.forEach((m, i) => checkMetric(m, `/results/metrics/${i}`, out));
  const checks = results.checks;
  if (!isObject(checks)) return [...out, '/results/checks: not an object'];
  keys(checks, ['metrics', 'results'], '/results/checks', out);
  if (Array.isArray(checks.metrics))
    checks.metrics.forEach((m, i) => checkMetric(m, `/results/checks/metrics/${i}`, out));
  else out.push('/results/checks/metrics: not an array');
  if (Array.isArray(checks.results)) {
    checks.results.forEach((c, i) => {
      if (!isObject(c)) return void out.push(`/results/checks/results/${i}: not an object`);
      keys(c, ['fails', 'name', 'passes'], `/results/checks/results/${i}`, out);
    });
  } else out.push('/results/checks/results: not an array');
  return out;
}

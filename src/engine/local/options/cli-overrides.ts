/** `k6 run --vus N --iterations N --duration D`: the shortcut options, set from the command line. */
export interface CliOverrides {
  readonly vus?: number;
  readonly iterations?: number;
  readonly duration?: string;
}

/**
 * k6's precedence (lib.Options.Apply, CLI over script): --vus replaces `vus`; --duration or
 * --iterations first clear the script's duration, iterations, stages and scenarios, then set
 * what was given — so the implicit 'default' scenario is derived from the command line.
 */
export function applyCliOverrides(
  options: Readonly<Record<string, unknown>>,
  overrides: CliOverrides | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...options };
  if (overrides === undefined) return out;
  if (overrides.vus !== undefined) out.vus = overrides.vus;
  if (overrides.duration !== undefined || overrides.iterations !== undefined) {
    for (const key of ['duration', 'iterations', 'stages', 'scenarios']) delete out[key];
    if (overrides.duration !== undefined) out.duration = overrides.duration;
    if (overrides.iterations !== undefined) out.iterations = overrides.iterations;
  }
  return out;
}

import type { LegacyGroup } from '../engine/metrics/index.js';

export interface CheckCount {
  readonly group: string;
  readonly name: string;
  passes: number;
  fails: number;
}

interface GroupLike {
  readonly path?: string;
  readonly groups?: readonly GroupLike[];
  readonly checks?: readonly { readonly name: string; readonly passes: number; readonly fails: number }[];
}

/**
 * Adds one shard's root_group into flat check counts and group paths (what the engine's summary
 * rebuilds root_group from): a check is the same check on every shard when its group path and
 * name are, so passes and fails add up.
 */
export function addChecks(
  into: { readonly checks: Map<string, CheckCount>; readonly groups: Set<string> },
  group: GroupLike | undefined,
): void {
  if (group === undefined) return;
  const path = group.path ?? '';
  if (path !== '') into.groups.add(path);
  for (const check of group.checks ?? []) {
    const key = `${path}\u0000${check.name}`;
    let count = into.checks.get(key);
    if (count === undefined)
      into.checks.set(key, (count = { group: path, name: check.name, passes: 0, fails: 0 }));
    count.passes += check.passes;
    count.fails += check.fails;
  }
  for (const sub of group.groups ?? []) addChecks(into, sub);
}

export type { LegacyGroup };

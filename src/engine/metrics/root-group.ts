import { createHash } from 'node:crypto';
import type { SummaryState } from './types.js';

export interface LegacyCheck {
  name: string;
  path: string;
  id: string;
  passes: number;
  fails: number;
}

export interface LegacyGroup {
  name: string;
  path: string;
  id: string;
  groups: LegacyGroup[];
  checks: LegacyCheck[];
}

/** k6 ids groups and checks by the MD5 of their path ("" for the root, "::a::b" below it). */
function md5(text: string): string {
  return createHash('md5').update(text).digest('hex');
}

function normalise(path: string): string {
  if (path === '' || path === '::') return '';
  return path.startsWith('::') ? path : `::${path}`;
}

/** Builds k6's root_group tree from the flat group paths and check counts the runtime records. */
export function buildRootGroup(state: Pick<SummaryState, 'groups' | 'checks'>): LegacyGroup {
  const root: LegacyGroup = { name: '', path: '', id: md5(''), groups: [], checks: [] };
  const byPath = new Map<string, LegacyGroup>([['', root]]);
  const groupAt = (rawPath: string): LegacyGroup => {
    const path = normalise(rawPath);
    const known = byPath.get(path);
    if (known !== undefined) return known;
    const cut = path.lastIndexOf('::');
    const parent = groupAt(path.slice(0, cut));
    const group: LegacyGroup = { name: path.slice(cut + 2), path, id: md5(path), groups: [], checks: [] };
    parent.groups.push(group);
    byPath.set(path, group);
    return group;
  };
  for (const path of state.groups) groupAt(path);
  for (const check of state.checks) {
    const group = groupAt(check.group);
    const path = `${group.path}::${check.name}`;
    group.checks.push({ name: check.name, path, id: md5(path), passes: check.passes, fails: check.fails });
  }
  return root;
}

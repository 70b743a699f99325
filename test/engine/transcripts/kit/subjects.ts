import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT as ROOT } from '../../../../src/config/repo-root.js';
import { buildScenarios } from '../../../../src/load/build.js';
import { listScenarios } from '../../../../src/load/list-scenarios.js';

export type SubjectKind = 'conformance' | 'scenario';

/** One thing k6 is recorded running: a conformance script, or a scenario bundle. */
export interface Subject {
  /** `conformance/<script name>` or `scenario/<scenario name>`; also the transcript's file name. */
  readonly id: string;
  readonly kind: SubjectKind;
  readonly name: string;
  /** Repo-relative: the script, or the scenario's entry point (its bundle is built fresh). */
  readonly source: string;
}

export const CONFORMANCE_DIR = join(ROOT, 'test', 'engine', 'conformance', 'scripts');

/** Every conformance script (by glob: scripts are added elsewhere) and every scenario. */
export function listSubjects(): Subject[] {
  const scripts = readdirSync(CONFORMANCE_DIR)
    .filter((f) => f.endsWith('.mjs'))
    .sort()
    .map((f): Subject => {
      const name = f.slice(0, -'.mjs'.length);
      const source = relative(ROOT, join(CONFORMANCE_DIR, f));
      return { id: `conformance/${name}`, kind: 'conformance', name, source };
    });
  const scenarios = listScenarios().map((name): Subject => ({
    id: `scenario/${name}`,
    kind: 'scenario',
    name,
    source: `scenarios/${name}.ts`,
  }));
  return [...scripts, ...scenarios];
}

/**
 * SHA-256 of what the engine runs. A bundle is hashed without esbuild's module-path comments
 * and with module keys cut at node_modules/: both depend on where the checkout and its
 * node_modules live (a symlink here, a folder in CI), not on the code.
 */
export function scriptHash(kind: SubjectKind, code: string): string {
  const text =
    kind === 'scenario'
      ? code.replace(/^\/\/ \S+\.[cm]?[jt]s\n/gm, '').replace(/"[^"\n]*?node_modules\//g, '"node_modules/')
      : code;
  return createHash('sha256').update(text).digest('hex');
}

export interface Prepared {
  /** Absolute path of the file the engine runs. */
  readonly script: string;
  readonly sha256: string;
}

/** The runnable file of each subject: the script itself, or its bundle built into workDir. */
export async function prepareSubjects(
  subjects: readonly Subject[],
  workDir: string,
): Promise<Map<string, Prepared>> {
  const prepared = new Map<string, Prepared>();
  const names = subjects.filter((s) => s.kind === 'scenario').map((s) => s.name);
  const bundles = names.length === 0 ? [] : await buildScenarios({ names, outDir: join(workDir, 'bundles') });
  for (const s of subjects) {
    const script =
      s.kind === 'scenario' ? (bundles.find((b) => b.name === s.name)?.path ?? '') : join(ROOT, s.source);
    prepared.set(s.id, { script, sha256: scriptHash(s.kind, readFileSync(script, 'utf8')) });
  }
  return prepared;
}

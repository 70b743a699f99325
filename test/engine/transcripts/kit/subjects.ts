import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { REPO_ROOT as ROOT } from '../../../../src/config/repo-root.js';
import { buildScenarios } from '../../../../src/load/build.js';
import { listScenarios } from '../../../../src/load/list-scenarios.js';

export type SubjectKind = 'conformance' | 'scenario';

/** One thing k6 is recorded running: a conformance script (possibly with engine flags), or a scenario bundle. */
export interface Subject {
  /**
   * `conformance/<script name>`, `conformance/<script name>@<variant>` or `scenario/<scenario
   * name>`; also the transcript's file name.
   */
  readonly id: string;
  readonly kind: SubjectKind;
  /** `<script name>` or `<script name>@<variant>`. */
  readonly name: string;
  /** The script's (or scenario's) own name, shared by its variants. */
  readonly script: string;
  /** Engine flags of a variant (`// @variant <name> <flag>…` in the script), put before the script. */
  readonly flags: readonly string[];
  /** Repo-relative: the script, or the scenario's entry point (its bundle is built fresh). */
  readonly source: string;
}

export const CONFORMANCE_DIR = join(ROOT, 'test', 'engine', 'conformance', 'scripts');

/**
 * A script's variants: each line `// @variant <name> <flag>…` is one more run of it with those
 * engine flags (e.g. `--execution-segment 0:1/3`), recorded and replayed on its own.
 */
export function variantsOf(text: string): { name: string; flags: string[] }[] {
  return [...text.matchAll(/^\/\/ @variant ([\w-]+)((?: +\S+)+)\s*$/gm)].map((m) => ({
    name: m[1] ?? '',
    flags: (m[2] ?? '').trim().split(/ +/),
  }));
}

/** Every conformance script and its variants (by glob: scripts are added elsewhere) and every scenario. */
export function listSubjects(): Subject[] {
  const scripts = readdirSync(CONFORMANCE_DIR)
    .filter((f) => f.endsWith('.mjs'))
    .sort()
    .flatMap((f): Subject[] => {
      const script = f.slice(0, -'.mjs'.length);
      const source = relative(ROOT, join(CONFORMANCE_DIR, f));
      const base = { kind: 'conformance', script, source } as const;
      return [
        { ...base, id: `conformance/${script}`, name: script, flags: [] },
        ...variantsOf(readFileSync(join(CONFORMANCE_DIR, f), 'utf8')).map((v) => ({
          ...base,
          id: `conformance/${script}@${v.name}`,
          name: `${script}@${v.name}`,
          flags: v.flags,
        })),
      ];
    });
  const scenarios = listScenarios().map((name): Subject => ({
    id: `scenario/${name}`,
    kind: 'scenario',
    name,
    script: name,
    flags: [],
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

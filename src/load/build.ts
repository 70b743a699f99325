import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { REPO_ROOT } from '../config/index.js';
import { HarnessError } from '../errors/index.js';
import { SCENARIOS_DIR, listScenarios } from './list-scenarios.js';

export const BUNDLES_DIR = join(REPO_ROOT, 'dist', 'scenarios');

export interface Bundle {
  readonly name: string;
  readonly path: string;
  readonly bytes: number;
  /** The content hash the bundle writes as its shard manifest's bundleId. */
  readonly bundleId: string;
}

// What the bundle says in its shard manifest (scenarios/lib/summary.ts) until the hash is known.
const BUNDLE_ID_PLACEHOLDER = '@@HARNESS_BUNDLE_ID@@';

/**
 * The bundle with its id filled in: a hash of its own text (built with the placeholder), so the
 * same sources give the same id on every machine and any change to the bundle gives another.
 */
export function stampBundleId(code: string): { code: string; bundleId: string } {
  const bundleId = createHash('sha256').update(code).digest('hex').slice(0, 16);
  return { code: code.replaceAll(BUNDLE_ID_PLACEHOLDER, bundleId), bundleId };
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

// A k6 VU has no Node: an import of a builtin must fail the build, not the run.
const noNodeBuiltins: Plugin = {
  name: 'no-node-builtins',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (args) => {
      if (!NODE_BUILTINS.has(args.path)) return undefined;
      return {
        errors: [
          { text: `${args.importer} imports the Node builtin "${args.path}", which k6 does not have` },
        ],
      };
    });
  },
};

/** Throws when a bundle is not self-contained: k6 has neither `require` nor Node's modules. */
export function assertSelfContained(name: string, code: string): void {
  const problems: string[] = [];
  // A call, not the word inside a string (ajv's runtime helpers carry their own source as text).
  if (/(^|[^'"`\w$.])require\s*\(/m.test(code)) problems.push('a `require(` call');
  const imports = [...code.matchAll(/(?:^|[;\n])\s*import\s[^'"]*?['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
  for (const spec of imports)
    if (spec !== 'k6' && !spec.startsWith('k6/')) problems.push(`an import of "${spec}"`);
  if (problems.length > 0) {
    throw new HarnessError(
      'HARNESS_ERR_BUNDLE_INVALID',
      `dist/scenarios/${name}.js is not self-contained: it has ${problems.join(', ')}`,
      {
        hint: 'Scenarios may import only k6, k6/*, scenarios/lib and scenarios/generated; run `npm run gen` if the validators are stale.',
      },
    );
  }
}

/** Bundles every scenario into dist/scenarios/<name>.js, one self-contained ESM file each. */
export async function buildScenarios(
  options: { names?: readonly string[]; outDir?: string; sourceDir?: string } = {},
): Promise<Bundle[]> {
  const outDir = options.outDir ?? BUNDLES_DIR;
  const sourceDir = options.sourceDir ?? SCENARIOS_DIR;
  const names = options.names ?? listScenarios(sourceDir);
  const bundles: Bundle[] = [];
  for (const name of names) {
    const path = join(outDir, `${name}.js`);
    const result = await build({
      entryPoints: [join(sourceDir, `${name}.ts`)],
      outfile: path,
      absWorkingDir: REPO_ROOT, // comments name sources relative to the repo, whatever the cwd: one bundleId for one source
      write: false, // checked first, then renamed into place: a concurrent `k6 run` never reads half a file
      bundle: true, // one file a user's `k6 run` takes as is, lib and validators inlined
      format: 'esm', // k6 runs ES modules natively; `export default` and `options` must stay exports
      // k6 ≥ 0.52 (sobek) runs ES2020+ incl. async/await and optional chaining; es2020 keeps
      // async functions native (the VU event loop needs real promises, not regenerator code).
      target: 'es2020',
      platform: 'neutral', // neither Node nor browser globals and no Node builtins resolved
      mainFields: ['module', 'main'], // 'neutral' resolves no main fields by default; ajv's runtime is CJS under "main"
      external: ['k6', 'k6/*'], // provided by the k6 runtime (or the local engine), never bundled
      sourcemap: false, // k6 reports bundle line numbers; a sidecar map it would not read
      // k6 compiles a bundle once for all VUs: what a VU pays is what its init evaluates, not source
      // size (measured: 2.8 MB of dead source, +0 MB per VU), so minifying would only cost readable stack traces.
      minify: false,
      treeShaking: true, // unused exports of scenarios/lib stay out of a bundle (each VU would evaluate them)
      legalComments: 'none', // no licence banners from ajv's runtime helpers
      logLevel: 'silent', // errors are thrown as a HarnessError below
      tsconfig: join(SCENARIOS_DIR, 'tsconfig.json'), // the scenarios' own settings (k6 types, no Node)
      plugins: [noNodeBuiltins], // a Node builtin fails the build here instead of inside a VU
      // The shard manifest's scenario and bundle id (stamped below, once the text is known).
      define: {
        __HARNESS_SCENARIO__: JSON.stringify(name),
        __HARNESS_BUNDLE_ID__: JSON.stringify(BUNDLE_ID_PLACEHOLDER),
      },
    }).catch((error: unknown) => {
      throw new HarnessError(
        'HARNESS_ERR_BUNDLE_INVALID',
        `esbuild could not bundle scenarios/${name}.ts: ${error instanceof Error ? error.message : String(error)}`,
        {
          hint: 'Fix the import or syntax error named above; scenarios import only k6, k6/*, scenarios/lib and scenarios/generated.',
        },
      );
    });
    const { code, bundleId } = stampBundleId(result.outputFiles[0]?.text ?? '');
    assertSelfContained(name, code);
    mkdirSync(outDir, { recursive: true });
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, code);
    renameSync(tmp, path);
    bundles.push({ name, path, bytes: Buffer.byteLength(code), bundleId });
  }
  return bundles;
}

/** True when a bundle is missing or older than any file under scenarios/ or schemas/. */
export function bundlesStale(names: readonly string[], outDir: string = BUNDLES_DIR): boolean {
  const newest = Math.max(
    ...[SCENARIOS_DIR, join(SCENARIOS_DIR, 'lib'), join(SCENARIOS_DIR, 'generated')].flatMap((d) =>
      readdirSync(d).map((f) => statSync(join(d, f)).mtimeMs),
    ),
  );
  return names.some((n) => {
    try {
      return statSync(join(outDir, `${n}.js`)).mtimeMs < newest;
    } catch {
      return true;
    }
  });
}

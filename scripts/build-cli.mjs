// The compiled CLI: src/, reference/ and scenarios/lib/ transpiled file by file (esbuild, no bundling, so the
// catalogues that discover their files by name keep working) into dist/cli/<fingerprint>/.
//
// `node scripts/build-cli.mjs` (npm's `prepare`, so `npm ci` builds it) and bin/*.mjs both call
// compiledEntry(): the fingerprint is a hash of every source file's path, size and mtime, so a
// source edited since the last build gets a new folder before anything runs — neither a user
// nor a test can run a stale build. Plain JavaScript: it must run before anything is compiled.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// scenarios/lib: the harness reads the executor table (scenarios/lib/executors.ts, pure data)
// to print the plan and bound the load; its k6-only siblings are transpiled but never imported.
const SOURCE_DIRS = ['src', 'reference', 'scenarios/lib'];
/** Where builds go, under the root they were built from. */
const OUT = ['dist', 'cli'];
/** Part of the fingerprint: changing how we compile must rebuild too. */
const BUILD_OPTIONS = { format: 'esm', platform: 'node', target: 'node20', sourcemap: 'linked' };
/** Builds older than this are removed when a new one lands (a process started earlier may still import). */
const KEEP_OLD_BUILDS_MS = 60 * 60 * 1000;

/** Every TypeScript source the CLI and the local engine run, repository-relative and sorted. */
function sourceFiles(root) {
  // A hand-written walk: readdirSync's `recursive` option is several times slower on Node 20.
  const walk = (dir, out) => {
    for (const entry of readdirSync(join(root, dir), { withFileTypes: true })) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory()) walk(path, out);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) out.push(path);
    }
    return out;
  };
  return SOURCE_DIRS.filter((dir) => existsSync(join(root, dir)))
    .flatMap((dir) => walk(dir, []))
    .sort();
}

/** Where the build of the sources as they are now lives; stat-only, a few ms for ~200 files. */
function buildDirFor(root, files) {
  const hash = createHash('sha256').update(JSON.stringify(BUILD_OPTIONS));
  for (const file of files) {
    const { size, mtimeMs } = statSync(join(root, file));
    hash.update(`${file}\0${size}\0${mtimeMs}\n`);
  }
  return join(root, ...OUT, hash.digest('hex').slice(0, 16));
}

async function build(root, files, target) {
  // esbuild is loaded only here: a fresh build must not pay for it at start.
  const { build: esbuild } = await import('esbuild');
  const staging = `${target}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  await esbuild({
    ...BUILD_OPTIONS,
    entryPoints: files.map((f) => join(root, f)),
    outdir: staging,
    outbase: root,
    bundle: false,
    logLevel: 'error',
  });
  try {
    // Atomic: a concurrent process sees either no folder or a complete one.
    renameSync(staging, target);
  } catch (error) {
    // Another process finished the same build first; its copy is identical.
    rmSync(staging, { recursive: true, force: true });
    if (!existsSync(target)) throw error;
  }
  removeOldBuilds(root, target);
}

function removeOldBuilds(root, current) {
  const now = Date.now();
  const out = join(root, ...OUT);
  for (const name of readdirSync(out)) {
    const dir = join(out, name);
    if (dir === current || name.includes('.tmp-')) continue;
    if (now - statSync(dir).mtimeMs > KEEP_OLD_BUILDS_MS) rmSync(dir, { recursive: true, force: true });
  }
}

/** Compiles the current sources under `root` unless that build exists; returns its folder. */
export async function ensureBuild(root = ROOT) {
  const files = sourceFiles(root);
  const target = buildDirFor(root, files);
  if (!existsSync(target)) await build(root, files, target);
  return target;
}

/**
 * The URL to import for `source` (e.g. 'src/cli/main.ts'): its compiled file, or — with
 * HARNESS_FROM_SOURCES=1 — the TypeScript itself through tsx (a dev dependency; the "before"
 * of `npm run bench:cli`, and handy while debugging).
 */
export async function compiledEntry(source) {
  if (process.env.HARNESS_FROM_SOURCES === '1') {
    const { register } = await import('tsx/esm/api');
    register();
    return pathToFileURL(join(ROOT, source)).href;
  }
  const dir = await ensureBuild();
  return pathToFileURL(join(dir, source.replace(/\.ts$/, '.js'))).href;
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const dir = await ensureBuild();
  console.log(`compiled CLI: ${relative(ROOT, dir)} (${Math.round(performance.now() - started)} ms)`);
}

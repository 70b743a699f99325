#!/usr/bin/env node
// The local engine (not k6), shaped like `k6 run` so the harness can run it as a child
// process exactly as it runs k6. Compiled JavaScript, like bin/harness.mjs.
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import { compiledEntry } from '../scripts/build-cli.mjs';

// Only the engine knows its own heap: `npm run soak:engine` sets HARNESS_ENGINE_MEMORY_MS and reads
// these lines (opt-in; the timer never keeps the process alive). Each report follows a full GC, so a
// leak shows as a rising column instead of hiding in V8's minutes-long sawtooth of garbage.
const memoryEveryMs = Number(process.env.HARNESS_ENGINE_MEMORY_MS ?? 0);
if (memoryEveryMs > 0) {
  v8.setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  setInterval(() => {
    const before = process.memoryUsage.rss();
    gc();
    const m = process.memoryUsage();
    process.stderr.write(
      `harness-engine-memory rss=${m.rss} heapUsed=${m.heapUsed} heapTotal=${m.heapTotal} external=${m.external} rssBeforeGc=${before}\n`,
    );
  }, memoryEveryMs).unref();
}

const { main } = await import(await compiledEntry('src/engine/local/cli.ts'));
process.exitCode = await main(process.argv.slice(2));

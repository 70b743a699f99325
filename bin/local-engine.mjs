#!/usr/bin/env node
// The local engine (not k6), shaped like `k6 run` so the harness can run it as a child
// process exactly as it runs k6. Compiled JavaScript, like bin/harness.mjs.
import { compiledEntry } from '../scripts/build-cli.mjs';

const { main } = await import(await compiledEntry('src/engine/local/cli.ts'));
process.exitCode = await main(process.argv.slice(2));

#!/usr/bin/env node
// The local engine (not k6), shaped like `k6 run` so the harness can run it as a child
// process exactly as it runs k6. TypeScript through tsx's loader: no build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/engine/local/cli.ts');
process.exitCode = await main(process.argv.slice(2));

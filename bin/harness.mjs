#!/usr/bin/env node
// Entry point of `npx harness`: the compiled CLI (dist/cli/, built by `npm ci`, rebuilt here
// first if a source changed since). src/cli/main.ts runs the program when imported from here.
import { compiledEntry } from '../scripts/build-cli.mjs';

await import(await compiledEntry('src/cli/main.ts'));

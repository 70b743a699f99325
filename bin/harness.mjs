#!/usr/bin/env node
// Entry point of `npx harness`. The CLI is TypeScript run through tsx's loader, so a
// fresh clone needs no compile step between `npm ci` and the first run.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');

import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assertSelfContained, buildScenarios } from '../../src/load/build.js';
import { listScenarios } from '../../src/load/list-scenarios.js';
import * as validators from '../../scenarios/generated/validators.js';

const outDir = mkdtempSync(join(tmpdir(), 'bundles-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('scenario bundles', () => {
  it('bundles every scenario into one ESM file that imports only k6 modules', async () => {
    const bundles = await buildScenarios({ outDir });
    expect(bundles.map((b) => b.name)).toEqual(listScenarios());
    expect(bundles.map((b) => b.name)).toEqual(
      expect.arrayContaining(['sync-latency', 'timeout-boundary', 'background-polling', 'mixed']),
    );
    for (const b of bundles) {
      const code = readFileSync(b.path, 'utf8');
      const specs = [...code.matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]);
      expect(specs.every((s) => s === 'k6' || s?.startsWith('k6/'))).toBe(true);
      expect(code).toMatch(/export\s*\{[^}]*\bdefault\b/);
      expect(code).toContain('handleSummary');
      // The validators are inlined precompiled code: no ajv compiler inside a VU.
      expect(code).not.toMatch(/new Ajv|\.compile\(/);
      expect(b.bytes).toBeGreaterThan(1000);
    }
  });

  it('rejects a bundle with a require call or a non-k6 import, but not the word in a string', () => {
    expect(() => assertSelfContained('x', 'const a = require("fs");')).toThrow(
      /HARNESS_ERR_BUNDLE_INVALID|require/,
    );
    expect(() => assertSelfContained('x', 'import fs from "node:fs";\n')).toThrow(/node:fs/);
    expect(() =>
      assertSelfContained('x', 'import http from "k6/http";\nconst s = \'require("x").default\';'),
    ).not.toThrow();
  });

  it('fails the build of a scenario that imports a Node builtin', async () => {
    // In its own folder: a file dropped into scenarios/ would be picked up by concurrent runs.
    const sourceDir = mkdtempSync(join(tmpdir(), 'bad-scenario-'));
    writeFileSync(
      join(sourceDir, 'node-import.ts'),
      "import { readFileSync } from 'node:fs';\nexport default function () { readFileSync('x'); }\n",
    );
    try {
      await expect(buildScenarios({ sourceDir, outDir })).rejects.toThrow(/Node builtin "node:fs"/);
    } finally {
      rmSync(sourceDir, { recursive: true, force: true });
    }
  });
});

describe('precompiled validators', () => {
  it('accept the documented examples and reject a mistyped field with its path', () => {
    expect(
      validators.executeResponse({ conversationId: '67890', output: { 'Risk Score': 85 }, creditUsage: 10 }),
    ).toBe(true);
    expect(validators.backgroundResponse({ conversationId: '67890', creditUsage: 0 })).toBe(true);
    expect(validators.errorBody({ error: 'Error message' })).toBe(true);
    expect(validators.executeResponse({ conversationId: '67890', output: {}, creditUsage: '10' })).toBe(
      false,
    );
    expect(validators.executeResponse.errors?.[0]?.instancePath).toBe('/creditUsage');
    // minLength 1 as a plain .length (no ucs2length helper): still rejects the empty string.
    expect(validators.backgroundResponse({ conversationId: '', creditUsage: 0 })).toBe(false);
    expect(validators.backgroundResponse({ conversationId: '😀', creditUsage: 0 })).toBe(true);
    expect(validators.errorBody({ message: 'x' })).toBe(false);
  });
});

import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The layer rules of ARCHITECTURE.md, checked on every tracked or new source file. */
interface Rule {
  readonly layer: string;
  readonly files: RegExp;
  /** Repo-relative import targets (or bare package names) this layer must not import. */
  readonly forbidden: readonly RegExp[];
}

const CORE = /^src\/(errors|config|contract|secrets|run|har)\//;
const rules: readonly Rule[] = [
  {
    layer: 'scenarios (k6 code: nothing Node-only, nothing outside scenarios/ but generated types)',
    files: /^scenarios\/.*\.(ts|js)$/,
    forbidden: [/^node:/, /^(?!k6$|k6\/|scenarios\/|src\/types\/generated\/)/],
  },
  {
    layer: 'core',
    files: CORE,
    forbidden: [
      /^(reference|contracts|scenarios)\//,
      /^src\/(?!errors|config|contract|secrets|run|har|types\/generated)/,
    ],
  },
  {
    layer: 'reference',
    files: /^reference\//,
    forbidden: [/^(contracts|scenarios)\//, /^src\/(engine|verify|load|report|compare|history|cli|target)\//],
  },
  { layer: 'contracts', files: /^contracts\//, forbidden: [/^reference\//, /^scenarios\//] },
  {
    layer: 'engine',
    files: /^src\/engine\//,
    forbidden: [/^(reference|contracts|scenarios)\//, /^src\/(verify|load|report|cli|target)\//],
  },
];

function sourceFiles(): string[] {
  const out = execFileSync(
    'git',
    ['ls-files', '--cached', '--others', '--exclude-standard', '--', '*.ts', '*.js'],
    { encoding: 'utf8' },
  );
  return out
    .split('\n')
    .filter((f) => f !== '' && !f.startsWith('node_modules/') && !f.includes('/generated/'));
}

/** Import specifiers, resolved to repo-relative paths when relative. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specs = [
    ...text.matchAll(
      /(?:^|\s)(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  return specs.map((s) => (s.startsWith('.') ? normalize(join(dirname(file), s)) : s));
}

describe('architecture import rules', () => {
  const files = sourceFiles();

  for (const rule of rules) {
    it(`${rule.layer} imports only what it may`, () => {
      const violations: string[] = [];
      for (const file of files.filter((f) => rule.files.test(f))) {
        for (const target of importsOf(file)) {
          if (rule.forbidden.some((re) => re.test(target))) violations.push(`${file} imports ${target}`);
        }
      }
      expect(violations).toEqual([]);
    });
  }

  it('finds the files it checks (the rule set is not vacuous)', () => {
    expect(files.filter((f) => CORE.test(f)).length).toBeGreaterThan(5);
  });
});

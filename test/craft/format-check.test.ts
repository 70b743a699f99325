import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '..', '..');
const prettier = join(root, 'node_modules', '.bin', 'prettier');
// Inside the repository so Prettier resolves the project's own .prettierrc.json, as `npm test` does.
const dir = mkdtempSync(join(root, 'test', 'craft', '.format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function check(source: string): Promise<number> {
  const file = join(dir, 'sample.ts');
  writeFileSync(file, source);
  try {
    await run(prettier, ['--check', file], { cwd: root });
    return 0;
  } catch (error) {
    return (error as { code: number }).code;
  }
}

describe('format:check (first step of npm test)', () => {
  it('fails on an unformatted file', async () => {
    expect(await check('const  a = {b:1,\n  c : "x"}\n')).toBe(1);
  });

  it('passes on the same file formatted with the project style', async () => {
    expect(await check("const a = { b: 1, c: 'x' };\n")).toBe(0);
  });

  it('is part of the test command, before type-check and tests', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts['format:check']).toBe('prettier --check .');
    expect(pkg.scripts.test?.startsWith('npm run format:check && ')).toBe(true);
  });

  it('the formatting commit is listed for git blame', () => {
    const revs = readFileSync(join(root, '.git-blame-ignore-revs'), 'utf8');
    expect(revs).toMatch(/^[0-9a-f]{40}$/m);
  });
});

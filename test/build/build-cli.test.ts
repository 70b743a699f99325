import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureBuild } from '../../scripts/build-cli.mjs';

const root = mkdtempSync(join(tmpdir(), 'build-cli-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), text);
}

describe('the compiled CLI is never stale (scripts/build-cli.mjs)', () => {
  it('compiles src/ and reference/ once, and again into a new folder when a source changes', async () => {
    write('src/a.ts', 'export const answer: number = 1;\n');
    write('src/types.d.ts', 'export type Never = never;\n');
    write('reference/b.ts', "export { answer } from '../src/a.js';\n");
    const first = await ensureBuild(root);
    expect(readFileSync(join(first, 'src', 'a.js'), 'utf8')).toMatch(/answer = 1/);
    expect(readFileSync(join(first, 'reference', 'b.js'), 'utf8')).toMatch(/from "\.\.\/src\/a\.js"/);
    expect(existsSync(join(first, 'src', 'types.d.js'))).toBe(false);

    // Unchanged sources: the same folder, not rebuilt.
    const builtAt = statSync(join(first, 'src', 'a.js')).mtimeMs;
    expect(await ensureBuild(root)).toBe(first);
    expect(statSync(join(first, 'src', 'a.js')).mtimeMs).toBe(builtAt);

    // An edit of the same size is caught by its mtime; the new build has the new code.
    write('src/a.ts', 'export const answer: number = 2;\n');
    utimesSync(join(root, 'src/a.ts'), new Date(), new Date(Date.now() + 5000));
    const second = await ensureBuild(root);
    expect(second).not.toBe(first);
    expect(readFileSync(join(second, 'src', 'a.js'), 'utf8')).toMatch(/answer = 2/);

    // A new file (e.g. a new command) is part of the fingerprint too.
    write('src/cli/commands/new.ts', 'export const command = {};\n');
    const third = await ensureBuild(root);
    expect(third).not.toBe(second);
    expect(readFileSync(join(third, 'src', 'cli', 'commands', 'new.js'), 'utf8')).toMatch(/command/);
  });
});

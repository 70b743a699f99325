import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../src/errors/index.js';

describe('error codes', () => {
  const docs = readFileSync('docs/errors.md', 'utf8');

  it('documents every declared code in docs/errors.md', () => {
    const missing = Object.keys(ERROR_CODES).filter((code) => !docs.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });

  it('declares every code the source uses', () => {
    const out = execFileSync(
      'git',
      [
        'grep',
        '-hoE',
        'HARNESS_ERR_[A-Z_]+[A-Z]',
        '--',
        'src',
        'reference',
        'contracts',
        'scripts',
        'scenarios',
        'bin',
      ],
      { encoding: 'utf8' },
    );
    const used = [...new Set(out.split('\n').filter((s) => s !== ''))];
    const undeclared = used.filter((code) => !(code in ERROR_CODES));
    expect(undeclared).toEqual([]);
  });

  it('gives every code a meaning and a hint', () => {
    for (const [code, entry] of Object.entries(ERROR_CODES)) {
      expect(entry.meaning.length, code).toBeGreaterThan(10);
      expect(entry.hint.length, code).toBeGreaterThan(10);
    }
  });
});

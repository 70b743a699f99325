import { describe, expect, it } from 'vitest';
import { checkCoverage, formatSegment, parseSegment } from '../../src/merge/index.js';

const shards = (...texts: (string | null)[]) =>
  texts.map((t, i) => ({ label: `shard ${i}`, segment: parseSegment(t) }));

describe('execution segments as k6 writes them', () => {
  it('reads fractions, decimals and percentages exactly', () => {
    expect(formatSegment(parseSegment('1/3:2/3'))).toBe('1/3:2/3');
    expect(formatSegment(parseSegment('0.25:75%'))).toBe('1/4:3/4');
    expect(formatSegment(parseSegment('2/4:1'))).toBe('1/2:1');
    expect(formatSegment(parseSegment('1/2'))).toBe('0:1/2');
    expect(formatSegment(parseSegment(null))).toBe('0:1');
    for (const bad of ['1/2:1/3', 'a:b', '0:1:1', '1/0:1'])
      expect(() => parseSegment(bad)).toThrow(expect.objectContaining({ code: 'HARNESS_ERR_SHARD_INVALID' }));
  });

  it('accepts segments that tile 0..1 in any order, and returns them in order', () => {
    expect(checkCoverage(shards('2/3:1', '0:1/3', '1/3:2/3'))).toEqual([1, 2, 0]);
    expect(checkCoverage(shards(null))).toEqual([0]);
    // Unequal parts, as k6-operator may run them: exact rationals, no rounding.
    expect(checkCoverage(shards('0:1/7', '1/7:0.5', '50%:1'))).toEqual([0, 1, 2]);
  });

  it('refuses a gap (missing) and an overlap or repeat (duplicate)', () => {
    expect(() => checkCoverage(shards('0:1/3', '2/3:1'))).toThrow(
      expect.objectContaining({ code: 'HARNESS_ERR_SHARD_MISSING' }),
    );
    expect(() => checkCoverage(shards('1/3:1'))).toThrow(
      expect.objectContaining({ code: 'HARNESS_ERR_SHARD_MISSING' }),
    );
    expect(() => checkCoverage(shards('0:1/2', '1/2:1', '1/2:1'))).toThrow(
      expect.objectContaining({ code: 'HARNESS_ERR_SHARD_DUPLICATE' }),
    );
    expect(() => checkCoverage(shards(null, '0:1/2'))).toThrow(
      expect.objectContaining({ code: 'HARNESS_ERR_SHARD_DUPLICATE' }),
    );
    // 1/3 + 1/3 + 1/3 is exactly 1 (no floating point gap), 0.33 is not.
    expect(() => checkCoverage(shards('0:0.33', '1/3:1'))).toThrow(
      expect.objectContaining({ code: 'HARNESS_ERR_SHARD_MISSING' }),
    );
  });
});

import { describe, expect, it } from 'vitest';
import { runnerCommand, segmentFlags } from '../../src/distribute/index.js';
import { distributed } from './fixture.js';

type Fraction = readonly [number, number];

function fraction(text: string): Fraction {
  const [n, d = '1'] = text.split('/');
  return [Number(n), Number(d)];
}
const same = (a: Fraction, b: Fraction): boolean => a[0] * b[1] === b[0] * a[1];
const less = (a: Fraction, b: Fraction): boolean => a[0] * b[1] < b[0] * a[1];

/** What is wrong with a list of segments ("a:b") as a cover of 0..1: gaps, overlaps, empty or missing ends. */
function coverageProblems(segments: readonly string[]): string[] {
  const problems: string[] = [];
  let end: Fraction = [0, 1];
  for (const segment of segments) {
    const [from, to] = segment.split(':').map(fraction);
    if (from === undefined || to === undefined) problems.push(`${segment}: not a:b`);
    else {
      if (less(end, from)) problems.push(`gap before ${segment}`);
      if (less(from, end)) problems.push(`overlap at ${segment}`);
      if (!less(from, to)) problems.push(`${segment} is empty`);
      end = to;
    }
  }
  if (!same(end, [1, 1])) problems.push('does not end at 1');
  return problems;
}

const flag = (argv: readonly string[], name: string): string | undefined =>
  argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);

describe('the execution segments of the runners (as k6-operator gives them)', () => {
  it.each([2, 3, 4, 7, 10])(
    'parallelism %i: the segments cover 0..1 in order, without gap or overlap',
    async (n) => {
      const { testRun } = await distributed({ parallelism: n });
      const commands = Array.from({ length: n }, (_, i) => runnerCommand(testRun, i + 1));
      const segments = commands.map((c) => flag(c, 'execution-segment') ?? '');
      const sequences = new Set(commands.map((c) => flag(c, 'execution-segment-sequence')));
      expect(sequences.size).toBe(1); // one sequence shared by all runners
      expect(coverageProblems(segments)).toEqual([]);
      // the sequence lists exactly the segments' ends
      const points = [...sequences][0]!.split(',').map(fraction);
      expect(points.length).toBe(n + 1);
      segments.forEach((seg, i) =>
        expect(same(fraction(seg.split(':')[0] ?? ''), points[i] ?? [2, 1])).toBe(true),
      );
    },
  );

  it('a single runner runs the whole test: no segment flags, exactly as the operator does', async () => {
    const { testRun } = await distributed({ parallelism: 1 });
    expect(runnerCommand(testRun, 1).some((a) => a.startsWith('--execution-segment'))).toBe(false);
    expect(segmentFlags(1, 1)).toEqual([]);
  });

  it('the runner command: the operator’s order, with spec.args before the script from the ConfigMap', async () => {
    const { testRun } = await distributed({ parallelism: 3 });
    expect(runnerCommand(testRun, 2)).toEqual([
      'k6',
      'run',
      '--quiet',
      '--execution-segment=1/3:2/3',
      '--execution-segment-sequence=0,1/3,2/3,1',
      '--out',
      'json=/harness-results/samples.json.gz',
      '/test/sync-latency.js',
      '--address=0.0.0.0:6565',
      '--paused',
      '--tag',
      'instance_id=2',
      '--tag',
      'testrun_name=harness-sync-latency',
    ]);
  });

  it('the coverage check finds a gap, an overlap and a short cover (it can fail)', () => {
    expect(coverageProblems(['0:1/3', '1/2:1'])).toEqual(['gap before 1/2:1']);
    expect(coverageProblems(['0:1/2', '1/3:1'])).toEqual(['overlap at 1/3:1']);
    expect(coverageProblems(['0:1/2'])).toEqual(['does not end at 1']);
    expect(coverageProblems(['0:2/4', '1/2:1'])).toEqual([]);
  });
});

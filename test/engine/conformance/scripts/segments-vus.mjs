// k6 v2.2.0's execution segments for the executors that scale VUs only (per-vu-iterations,
// constant-vus): a segment runs ExecutionTuple.ScaleInt64(vus) of them (0 → the scenario is
// skipped), each a VU whose exec.vu.idInTest is its place among the whole test's VUs, so the
// segments of one sequence together run every VU once.
// Each @variant line is one more k6 recording of this script with those engine flags. The
// thirds without a sequence do not add up to the whole test on k6 either: each fills its own
// sequence around itself (0,1/3,1 / 0,1/3,2/3,1 / 0,2/3,1), so the stripes differ.
// @variant thirds-1 --execution-segment 0:1/3
// @variant thirds-2 --execution-segment 1/3:2/3
// @variant thirds-3 --execution-segment 2/3:1
// @variant thirds-seq-1 --execution-segment 0:1/3 --execution-segment-sequence 0,1/3,2/3,1
// @variant thirds-seq-2 --execution-segment 1/3:2/3 --execution-segment-sequence 0,1/3,2/3,1
// @variant thirds-seq-3 --execution-segment 2/3:1 --execution-segment-sequence 0,1/3,2/3,1
// @variant quarters-1 --execution-segment 0:1/4 --execution-segment-sequence 0,1/4,1/2,1
// @variant quarters-2 --execution-segment 1/4:1/2 --execution-segment-sequence 0,1/4,1/2,1
// @variant quarters-3 --execution-segment 1/2:1 --execution-segment-sequence 0,1/4,1/2,1
import exec from 'k6/execution';
import { sleep } from 'k6';
import { Counter } from 'k6/metrics';

const vus = new Counter('segment_vus');
const plan = new Counter('segment_plan');

export const options = {
  scenarios: {
    pervu: { executor: 'per-vu-iterations', vus: 4, iterations: 3, maxDuration: '20s' },
    constant: { executor: 'constant-vus', vus: 5, duration: '1s', exec: 'paced' },
  },
};

export function setup() {
  plan.add(exec.instance.vusInitialized, {
    segment: String(exec.test.options.executionSegment),
    sequence: String(exec.test.options.executionSegmentSequence),
  });
}

export default function () {
  vus.add(1, { vu: String(exec.vu.idInTest) });
}

export function paced() {
  vus.add(1, { vu: String(exec.vu.idInTest) });
  sleep(0.4);
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}

// k6 v2.2.0's execution segments (lib/execution_segment.go, lib/executor/shared_iterations.go):
// a segment runs its share of the VUs, and of the iterations in proportion to those VUs (the
// sequence is re-cut by `vus`); exec.scenario.iterationInTest is the iteration's place among
// the whole test's, so the segments of one sequence together run 0..iterations-1 exactly once.
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
import { Counter } from 'k6/metrics';

const work = new Counter('segment_work');
const plan = new Counter('segment_plan');

export const options = {
  scenarios: {
    shared: { executor: 'shared-iterations', vus: 5, iterations: 23, maxDuration: '20s' },
  },
};

export function setup() {
  plan.add(exec.instance.vusInitialized, {
    segment: String(exec.test.options.executionSegment),
    sequence: String(exec.test.options.executionSegmentSequence),
  });
}

export default function () {
  work.add(1, {
    in_test: String(exec.scenario.iterationInTest),
    in_instance: String(exec.scenario.iterationInInstance),
  });
}

export function handleSummary(data) {
  return { [__ENV.SUMMARY_FILE]: JSON.stringify(data) };
}

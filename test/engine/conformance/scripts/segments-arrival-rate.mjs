// k6 v2.2.0's execution segments for the arrival-rate executors (lib/executor/*_arrival_rate.go):
// the sequence is re-cut by maxVUs and a segment starts the arrivals of its stripe at the whole
// test's instants, so the segments of one sequence together start every arrival once; VUs scale
// like the others. The schedules end between two arrivals (60 ms apart up to 2 s; 23.75
// arrivals in 1.9 s), so no count hangs on a tick that races the end of the duration.
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
    constant: {
      executor: 'constant-arrival-rate',
      rate: 50,
      timeUnit: '3s',
      duration: '2s',
      preAllocatedVUs: 6,
      maxVUs: 7,
    },
    ramping: {
      executor: 'ramping-arrival-rate',
      startRate: 0,
      timeUnit: '1s',
      stages: [{ target: 25, duration: '1900ms' }],
      preAllocatedVUs: 5,
      maxVUs: 5,
    },
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

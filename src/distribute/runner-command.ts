import type { TestRun } from './manifest-types.js';
import { segmentFlags } from './segments.js';

/** Where the operator mounts the script's ConfigMap in every runner (its Script.VolumeMount). */
export const SCRIPT_MOUNT = '/test/';

/**
 * The command k6-operator gives runner `index` (1-based) of a TestRun, as its NewRunnerJob builds
 * it (release line 1.6): `k6 run --quiet`, the segment flags when parallelism > 1, spec.args, the
 * script, its REST address, `--paused` (the starter resumes all runners together) and two tags.
 * Used to print what each pod runs and, in tests, to run exactly that with real k6.
 */
export function runnerCommand(testRun: TestRun, index: number): string[] {
  const { spec, metadata } = testRun;
  return [
    'k6',
    'run',
    '--quiet',
    ...segmentFlags(index, spec.parallelism),
    ...spec.args,
    `${SCRIPT_MOUNT}${spec.script.configMap.file}`,
    '--address=0.0.0.0:6565',
    '--paused',
    '--tag',
    `instance_id=${index}`,
    '--tag',
    `testrun_name=${metadata.name}`,
  ];
}

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ScenarioName } from '../../scenarios/lib/executors.js';
import { HarnessError } from '../errors/index.js';
import { BUNDLES_DIR, buildScenarios, bundlesStale } from '../load/build.js';
import { listScenarios } from '../load/list-scenarios.js';
import { loadTimeoutMs } from '../load/load-timeout.js';
import { toYaml } from '../openapi/yaml.js';
import type { HarnessConfig } from '../types/generated/harness-config.js';
import type { TargetProfile } from '../types/generated/target-profile.js';
import { bundleConfigMap, configMapYaml } from './configmap.js';
import type { ConfigMap, ObjectMeta, TestRun } from './manifest-types.js';
import { nextSteps } from './next-steps.js';
import { planDistributed } from './plan-budget.js';
import { resultsReaderPod } from './results-reader.js';
import { runnerCommand } from './runner-command.js';
import { runnerEnv } from './runner-env.js';
import { buildTestRun } from './testrun.js';
import { newTestId } from './test-id.js';

export interface DistributeOptions {
  /** The target profile, already loaded: the runners reach it from the cluster. */
  readonly profile: Readonly<TargetProfile>;
  readonly config: Pick<HarnessConfig, 'maxCredits' | 'loadProfile' | 'loadTimeoutMs'>;
  readonly scenario: string;
  readonly parallelism: number;
  /** The TestRun's name; the ConfigMap is `<name>-bundle`, the reader pod `<name>-results`. */
  readonly name: string;
  readonly namespace?: string;
  readonly secret: { readonly name: string; readonly key: string };
  readonly resultsClaim: string;
  readonly image?: string;
  /** Every runner on its own node: the load of N machines, not of N pods sharing one. */
  readonly separate?: boolean;
  readonly outDir: string;
  /** Fixed by tests; a fresh one otherwise. */
  readonly testId?: string;
}

export interface Distribution {
  readonly testId: string;
  readonly configMap: ConfigMap;
  readonly testRun: TestRun;
  readonly reader: Record<string, unknown>;
  /** Absolute paths of the files written. */
  readonly files: { readonly configMap: string; readonly testRun: string; readonly reader: string };
  /** The plan, what each runner runs, and the steps from `kubectl apply` to `harness merge`. */
  readonly lines: readonly string[];
}

export const FILES = {
  configMap: 'configmap.yaml',
  testRun: 'testrun.yaml',
  reader: join('collect', 'results-reader.yaml'),
} as const;

function scenarioOf(name: string): ScenarioName[] {
  const known = listScenarios();
  if (!known.includes(name))
    throw new HarnessError('HARNESS_ERR_SCENARIO_UNKNOWN', `no scenario "${name}"`, {
      hint: `Use one of: ${known.join(', ')}.`,
    });
  return (name === 'all' ? known.filter((s) => s !== 'all') : [name]) as ScenarioName[];
}

/**
 * `harness distribute` as a function: builds the bundle, checks the whole test's plan against the
 * credit budget, and writes what a user applies with `kubectl apply -f <outDir>`: the bundle's
 * ConfigMap and the TestRun; plus collect/results-reader.yaml, applied after the run to copy the
 * shard folders out. Nothing is applied here, and no file holds the API key.
 */
export async function distribute(options: DistributeOptions): Promise<Distribution> {
  const scenarios = scenarioOf(options.scenario);
  const plan = planDistributed(options.config, options.profile, scenarios, options.parallelism);
  if (bundlesStale([options.scenario])) await buildScenarios({ names: [options.scenario] });
  const file = `${options.scenario}.js`;
  const code = readFileSync(join(BUNDLES_DIR, file), 'utf8');
  const testId = options.testId ?? newTestId();
  const meta = (name: string): ObjectMeta => ({
    name,
    ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
    labels: { 'app.kubernetes.io/managed-by': 'harness', 'harness/test-id': testId },
  });
  const configMap = bundleConfigMap(meta(`${options.name}-bundle`), file, code);
  const testRun = buildTestRun({
    metadata: meta(options.name),
    parallelism: options.parallelism,
    configMap: configMap.metadata.name,
    file,
    env: runnerEnv({
      profile: options.profile,
      loadProfile: options.config.loadProfile,
      testId,
      secret: options.secret,
      planEnv: plan.env,
    }),
    resultsClaim: options.resultsClaim,
    ...(options.image === undefined ? {} : { image: options.image }),
    ...(options.separate === true ? { separate: true } : {}),
  });
  const reader = resultsReaderPod(meta(`${options.name}-results`), options.resultsClaim);
  const files = {
    configMap: join(options.outDir, FILES.configMap),
    testRun: join(options.outDir, FILES.testRun),
    reader: join(options.outDir, FILES.reader),
  };
  mkdirSync(join(options.outDir, 'collect'), { recursive: true });
  writeFileSync(files.configMap, configMapYaml(configMap));
  writeFileSync(files.testRun, toYaml(testRun));
  writeFileSync(files.reader, toYaml(reader));
  const commands = Array.from({ length: Math.min(options.parallelism, 3) }, (_, i) =>
    runnerCommand(testRun, i + 1),
  );
  const lines = [
    ...plan.lines,
    ...nextSteps({
      options,
      testId,
      files,
      bundleBytes: Buffer.byteLength(code),
      budget: plan.cost.budget,
      commands,
      waitS: Math.ceil(loadTimeoutMs(options.config) / 1000),
    }),
  ];
  return { testId, configMap, testRun, reader, files, lines };
}

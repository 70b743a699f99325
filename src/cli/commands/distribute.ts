import type { Command } from 'commander';
// Only the scenario list at start (for --help); the rest loads when the command runs.
import { listScenarios } from '../../load/list-scenarios.js';
import type { CommandModule } from '../command-module.js';
import { addConfigFlags, configFromFlags } from '../config-flags.js';

type Flags = Parameters<typeof configFromFlags>[0] & {
  parallelism?: string;
  scenario?: string;
  name?: string;
  namespace?: string;
  secret?: string;
  secretKey?: string;
  resultsClaim?: string;
  image?: string;
  out?: string;
  separate?: boolean;
};

/** `harness distribute`: the ConfigMap and k6-operator TestRun that run one test on N pods; nothing is applied. */
export const command: CommandModule = {
  register(program: Command) {
    const cmd = program
      .command('distribute')
      .description(
        'Write a k6-operator TestRun (N runner pods, one execution segment each) and the ConfigMap holding the bundle, for `kubectl apply -f`; each runner leaves a shard folder on a PersistentVolumeClaim for `harness merge`',
      )
      .option('--parallelism <n>', 'number of k6 runner pods (required): each runs one execution segment')
      .option(
        '--scenario <name>',
        `scenario: ${listScenarios().join('|')} (all = every scenario side by side)`,
        'all',
      )
      .option(
        '--name <name>',
        'the TestRun name (DNS-1123 label, ≤ 40 characters; default harness-<scenario>)',
      )
      .option('--namespace <ns>', 'namespace of every object (default: kubectl’s current one)')
      .option(
        '--secret <name>',
        'the Kubernetes Secret holding the API key, which you create (default harness-api-key)',
      )
      .option(
        '--secret-key <key>',
        "the key inside that Secret (default: the profile's apiKeyEnv, e.g. HARNESS_API_KEY)",
      )
      .option(
        '--results-claim <pvc>',
        'PersistentVolumeClaim the runners write their shard folders to (default harness-results)',
      )
      .option('--image <ref>', "k6 image of the runners (default: the operator's, grafana/k6:latest)")
      .option('--separate', 'one runner per node (the cluster needs N schedulable nodes)')
      .option('--out <dir>', 'folder for the manifests (default ./k6-operator-<name>)')
      .addHelpText(
        'after',
        '\nThe API key never enters a manifest: the runners read it from the Secret (secretKeyRef). The plan and its credit estimate cover the whole test; beyond the budget nothing is written.\nREADME "Running at scale" walks from here through kubectl apply, collecting the shard folders, and `harness merge`.',
      );
    addConfigFlags(cmd, ['target', 'profile', 'maxCredits', 'loadTimeout']).action(async (flags: Flags) => {
      const config = await configFromFlags(flags);
      const { distribute, resolveDistributeFlags } = await import('../../distribute/index.js');
      const result = await distribute(resolveDistributeFlags(flags, config));
      for (const line of result.lines) process.stdout.write(`${line}\n`);
    });
  },
};

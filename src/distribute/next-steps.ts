import { CLIENT_APPLY_MAX_BYTES } from './configmap.js';
import { READER_MOUNT } from './results-reader.js';

export interface NextStepsInput {
  readonly options: {
    readonly name: string;
    readonly namespace?: string;
    readonly parallelism: number;
    readonly outDir: string;
    readonly resultsClaim: string;
    readonly secret: { readonly name: string; readonly key: string };
    readonly image?: string;
  };
  readonly testId: string;
  readonly files: { readonly configMap: string; readonly testRun: string; readonly reader: string };
  readonly bundleBytes: number;
  /** What the first runners run (k6-operator's command line). */
  readonly commands: readonly (readonly string[])[];
  /** The whole test's credit budget: `harness merge` judges the runners' spend against it. */
  readonly budget: number | 'unlimited';
  /** Bound for `kubectl wait`: the load timeout of the profile. */
  readonly waitS: number;
}

/** The console lines after writing: what was written, what each runner runs, and every step to the merged verdict. */
export function nextSteps(input: NextStepsInput): string[] {
  const { options, testId } = input;
  const ns = options.namespace === undefined ? '' : ` -n ${options.namespace}`;
  const podNs = options.namespace === undefined ? '' : `${options.namespace}/`;
  const local = `./${options.name}-${testId}`;
  const apply =
    input.bundleBytes > CLIENT_APPLY_MAX_BYTES
      ? `kubectl apply --server-side${ns} -f ${options.outDir}   (the bundle is over 256 KiB: client-side apply would store it in an annotation, limited to 256 KiB)`
      : `kubectl apply${ns} -f ${options.outDir}`;
  return [
    `distribute: wrote ${input.files.configMap} (bundle ${input.bundleBytes.toLocaleString('en-US')} bytes), ${input.files.testRun} (parallelism ${options.parallelism}, test id ${testId}), ${input.files.reader}`,
    `  image: ${options.image ?? "the operator's default, grafana/k6:latest (pin one with --image grafana/k6:<version>, k6 ≥ 1.0)"}`,
    ...input.commands.map((c, i) => `  runner ${i + 1} runs: ${c.join(' ')}`),
    ...(options.parallelism > input.commands.length
      ? [`  … and so on up to runner ${options.parallelism}`]
      : []),
    'next:',
    `  1. once: kubectl create secret generic ${options.secret.name}${ns} --from-file=${options.secret.key}=<file holding the API key>   (the key is in no file written here)`,
    `     and a PersistentVolumeClaim ${options.resultsClaim} (ReadWriteMany when runners may land on several nodes)`,
    `  2. ${apply}`,
    `  3. kubectl wait${ns} --for=jsonpath='{.status.stage}'=finished testrun/${options.name} --timeout=${input.waitS}s`,
    `  4. kubectl apply${ns} -f ${input.files.reader} && kubectl wait${ns} --for=condition=Ready pod/${options.name}-results --timeout=300s`,
    `     kubectl cp ${podNs}${options.name}-results:${READER_MOUNT}/${testId} ${local}`,
    `  5. harness merge --max-credits ${String(input.budget)} ${local}/*   (one shard folder per runner pod; the whole test's budget, not one runner's share)`,
    `  6. kubectl delete${ns} -f ${input.files.reader} && kubectl delete${ns} -f ${options.outDir}`,
  ];
}

/** The parts of Kubernetes objects `harness distribute` writes (field names as the API has them). */
export interface EnvVar {
  readonly name: string;
  readonly value?: string;
  readonly valueFrom?:
    | { readonly secretKeyRef: { readonly name: string; readonly key: string } }
    | { readonly fieldRef: { readonly fieldPath: string } };
}

export interface ObjectMeta {
  readonly name: string;
  readonly namespace?: string;
  readonly labels?: Readonly<Record<string, string>>;
}

export interface ConfigMap {
  readonly apiVersion: 'v1';
  readonly kind: 'ConfigMap';
  readonly metadata: ObjectMeta;
  readonly data: Readonly<Record<string, string>>;
}

export interface RunnerPod {
  readonly image?: string;
  readonly env: readonly EnvVar[];
  readonly securityContext?: { readonly fsGroup: number; readonly fsGroupChangePolicy: 'OnRootMismatch' };
  readonly volumes?: readonly {
    readonly name: string;
    readonly persistentVolumeClaim: { readonly claimName: string };
  }[];
  readonly volumeMounts?: readonly {
    readonly name: string;
    readonly mountPath: string;
    readonly subPathExpr: string;
  }[];
}

export interface TestRun {
  readonly apiVersion: 'k6.io/v1alpha1';
  readonly kind: 'TestRun';
  readonly metadata: ObjectMeta;
  readonly spec: {
    readonly parallelism: number;
    /** One runner per node (the operator's podAntiAffinity on hostname). */
    readonly separate?: boolean;
    readonly script: { readonly configMap: { readonly name: string; readonly file: string } };
    /** Exact argv for k6 (no shell), placed by the operator before the script path. */
    readonly args: readonly string[];
    readonly runner: RunnerPod;
    readonly initializer: RunnerPod;
  };
}

import type { ObjectMeta } from './manifest-types.js';

/** Where the reader pod mounts the whole results claim. */
export const READER_MOUNT = '/results';

/** A small image with `tar`, which `kubectl cp` runs inside the pod. */
export const READER_IMAGE = 'busybox:1.37';

/** How long the reader pod waits for `kubectl cp` before it ends by itself (seconds). */
export const READER_LIFETIME_S = 3600;

/**
 * A pod that only mounts the results claim read-only, so the shard folders can be copied out
 * with `kubectl cp` once the runners are done; it sleeps for an hour and ends, nothing else.
 */
export function resultsReaderPod(metadata: ObjectMeta, claim: string): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata,
    spec: {
      restartPolicy: 'Never',
      containers: [
        {
          name: 'reader',
          image: READER_IMAGE,
          command: ['sleep', String(READER_LIFETIME_S)],
          volumeMounts: [{ name: 'results', mountPath: READER_MOUNT, readOnly: true }],
        },
      ],
      volumes: [{ name: 'results', persistentVolumeClaim: { claimName: claim, readOnly: true } }],
    },
  };
}

import { HarnessError } from '../errors/index.js';
import { toYaml } from '../openapi/yaml.js';
import type { ConfigMap, ObjectMeta } from './manifest-types.js';

/** What the API server accepts in one ConfigMap: all keys and values together (validation.MaxSecretSize). */
export const CONFIGMAP_MAX_BYTES = 1024 * 1024;

/**
 * Client-side `kubectl apply` copies the whole object into the last-applied-configuration
 * annotation, and all annotations together are limited to 256 KiB.
 */
export const CLIENT_APPLY_MAX_BYTES = 256 * 1024;

export function configMapBytes(data: Readonly<Record<string, string>>): number {
  return Object.entries(data).reduce((n, [k, v]) => n + Buffer.byteLength(k) + Buffer.byteLength(v), 0);
}

/** The ConfigMap holding the bundle under `file`; refused when the API server would refuse it. */
export function bundleConfigMap(metadata: ObjectMeta, file: string, code: string): ConfigMap {
  const data = { [file]: code };
  const bytes = configMapBytes(data);
  if (bytes > CONFIGMAP_MAX_BYTES)
    throw new HarnessError(
      'HARNESS_ERR_BUNDLE_TOO_LARGE',
      `the bundle ${file} is ${bytes.toLocaleString('en-US')} bytes with its key: over the ${CONFIGMAP_MAX_BYTES.toLocaleString('en-US')}-byte (1 MiB) limit of a ConfigMap`,
      {
        hint: 'Distribute one scenario instead of `all`, or drop what the bundle does not need.',
      },
    );
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata, data };
}

// Printable ASCII, tabs and newlines, no carriage return: what a YAML literal block keeps byte for byte.
const LITERAL_SAFE = /^[\t\n\x20-\x7e]*$/;

/**
 * The ConfigMap as YAML, the bundle as a literal block (`|`) a reader can follow, with the chomping
 * indicator that keeps its trailing newlines exactly; a bundle a literal block cannot carry
 * unchanged (other characters, a leading space) is written JSON-quoted instead.
 */
export function configMapYaml(configMap: ConfigMap): string {
  const head = toYaml({
    apiVersion: configMap.apiVersion,
    kind: configMap.kind,
    metadata: configMap.metadata,
  });
  const entries = Object.entries(configMap.data).map(([key, value]) => {
    if (!LITERAL_SAFE.test(value) || /^[ \t]/.test(value) || value === '')
      return `  ${JSON.stringify(key)}: ${JSON.stringify(value)}\n`;
    const trailing = /\n*$/.exec(value)?.[0].length ?? 0;
    const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
    const body = value.slice(0, value.length - trailing);
    const lines = body.split('\n').map((l) => (l === '' ? '' : `    ${l}`));
    return `  ${JSON.stringify(key)}: |${chomp}\n${lines.join('\n')}\n${'\n'.repeat(Math.max(0, trailing - 1))}`;
  });
  return `${head}data:\n${entries.join('')}`;
}

import { HarnessError } from '../errors/index.js';

/**
 * Kubernetes' own name rules (apimachinery validation), checked here so a bad flag fails on
 * this machine with its name rather than in `kubectl apply` or, worse, in the operator later.
 */
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** RFC 1123 label: namespaces, and object names that become pod hostnames or label values. */
export function isDns1123Label(name: string): boolean {
  return name.length <= 63 && LABEL.test(name);
}

/** RFC 1123 subdomain: ConfigMap, Secret and PersistentVolumeClaim names. */
export function isDns1123Subdomain(name: string): boolean {
  return name.length <= 253 && name.split('.').every((part) => LABEL.test(part));
}

/** A key of a ConfigMap's or Secret's data. */
export function isConfigKey(key: string): boolean {
  return key.length <= 253 && /^[-._a-zA-Z0-9]+$/.test(key) && key !== '.' && key !== '..';
}

/**
 * The TestRun's name is the prefix of the operator's Job names (`<name>-<index>`, `<name>-initializer`,
 * `<name>-starter`) and Service names (`<name>-service-<index>`), which must stay DNS-1123 labels.
 */
export const MAX_TESTRUN_NAME = 40;

export function checkName(flag: string, value: string, kind: 'label' | 'subdomain', max = 253): string {
  const ok = (kind === 'label' ? isDns1123Label(value) : isDns1123Subdomain(value)) && value.length <= max;
  if (!ok)
    throw new HarnessError(
      'HARNESS_ERR_DISTRIBUTE_INVALID',
      `${flag} ${JSON.stringify(value)} is not a Kubernetes ${kind === 'label' ? 'DNS-1123 label' : 'DNS-1123 subdomain'} of at most ${Math.min(max, kind === 'label' ? 63 : 253)} characters`,
      {
        hint: `Use lowercase letters, digits and "-"${kind === 'subdomain' ? ' (and ".")' : ''}, starting and ending with a letter or digit, e.g. ${flag} harness-load.`,
      },
    );
  return value;
}

import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import {
  CONFIGMAP_MAX_BYTES,
  type ConfigMap,
  type EnvVar,
  type TestRun,
  bundleConfigMap,
  configMapBytes,
  configMapYaml,
  isConfigKey,
  isDns1123Label,
  isDns1123Subdomain,
} from '../../src/distribute/index.js';
import { BUNDLES_DIR } from '../../src/load/index.js';
import { distributed, writtenObjects } from './fixture.js';

const meta = { name: 'bundle' };

describe('the ConfigMap holding the bundle', () => {
  it('configmap.yaml carries the bundle byte for byte under the key the TestRun names, within 1 MiB', async () => {
    const d = await distributed();
    const configMap = writtenObjects(d).configMap as ConfigMap;
    const testRun = d.testRun;
    expect(configMap).toMatchObject({ apiVersion: 'v1', kind: 'ConfigMap' });
    expect(configMap.metadata.name).toBe(testRun.spec.script.configMap.name);
    expect(isDns1123Subdomain(configMap.metadata.name)).toBe(true);
    expect(Object.keys(configMap.data)).toEqual([testRun.spec.script.configMap.file]);
    expect(Object.keys(configMap.data).every(isConfigKey)).toBe(true);
    expect(configMap.data['sync-latency.js']).toBe(
      readFileSync(join(BUNDLES_DIR, 'sync-latency.js'), 'utf8'),
    );
    expect(configMapBytes(configMap.data)).toBeLessThanOrEqual(CONFIGMAP_MAX_BYTES);
    // The readable form: a literal block, not one JSON-quoted line.
    expect(readFileSync(d.files.configMap, 'utf8')).toMatch(/"sync-latency\.js": \|\n {4}\S/);
  });

  it.each([
    ['no trailing newline', 'export default function () {}'],
    ['one', 'a\n'],
    ['three', 'a\n\n\n'],
    ['blank and indented lines', 'a\n\n  b\n\t\tc\n   \nd\n'],
    ['a leading space', '  a\n'],
    ['non-ASCII and a carriage return', 'é ✓\r\nb\n'],
    ['YAML look-alikes', '- a: b\n# c\n--- \n...\n'],
  ])('the YAML gives back exactly the bundle: %s', (_label, code) => {
    const configMap = bundleConfigMap(meta, 'x.js', code);
    expect((load(configMapYaml(configMap)) as ConfigMap).data['x.js']).toBe(code);
  });

  it('a bundle over 1 MiB (key included) is refused with HARNESS_ERR_BUNDLE_TOO_LARGE; exactly 1 MiB passes', () => {
    const fits = 'x'.repeat(CONFIGMAP_MAX_BYTES - 'x.js'.length);
    expect(configMapBytes(bundleConfigMap(meta, 'x.js', fits).data)).toBe(CONFIGMAP_MAX_BYTES);
    expect(() => bundleConfigMap(meta, 'x.js', `${fits}y`)).toThrow(
      expect.objectContaining({
        code: 'HARNESS_ERR_BUNDLE_TOO_LARGE',
        message: expect.stringContaining('1,048,577 bytes') as unknown,
      }),
    );
  });
});

const C_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

describe('what the pods get (rules the CRD schema does not check, the kubelet does)', () => {
  it('env: unique names; the key only as a secretKeyRef; every $(VAR) of subPathExpr defined; mounts name volumes', async () => {
    const d = await distributed({ secret: { name: 'wf-key', key: 'api-key' } });
    const testRun = writtenObjects(d).testRun as TestRun;
    const runner = testRun.spec.runner;
    const names = runner.env.map((e) => e.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.every((n) => C_IDENTIFIER.test(n))).toBe(true);
    const key = runner.env.find((e) => e.name === 'HARNESS_API_KEY');
    expect(key).toEqual({
      name: 'HARNESS_API_KEY',
      valueFrom: { secretKeyRef: { name: 'wf-key', key: 'api-key' } },
    });
    expect(runner.env.find((e) => e.name === 'POD_NAME')?.valueFrom).toEqual({
      fieldRef: { fieldPath: 'metadata.name' },
    });
    for (const mount of runner.volumeMounts ?? []) {
      expect(runner.volumes?.map((v) => v.name)).toContain(mount.name);
      const refs = [...mount.subPathExpr.matchAll(/\$\(([^)]+)\)/g)].map((m) => m[1]);
      expect(refs).toEqual(['HARNESS_TEST_ID', 'POD_NAME']);
      for (const ref of refs) expect(names).toContain(ref);
    }
    const value = (env: readonly EnvVar[], name: string): string | undefined =>
      env.find((e) => e.name === name)?.value;
    expect(value(runner.env, 'HARNESS_TEST_ID')).toBe(d.testId);
    expect(isDns1123Label(d.testId)).toBe(true); // also a safe folder name and label value
    expect(value(runner.env, 'HARNESS_SUMMARY_OUT')).toBe('/harness-results/summary-data.json');
    expect(value(runner.env, 'HARNESS_SHARD_OUT')).toBe('/harness-results/shard.json');
    expect(testRun.spec.args).toEqual(['--out', 'json=/harness-results/samples.json.gz']);
    // The initializer runs `k6 archive -e NAME=$(NAME)` for each of its variables: never the key.
    const init = testRun.spec.initializer.env;
    expect(init.every((e) => e.valueFrom === undefined && e.value !== undefined)).toBe(true);
    expect(init.map((e) => e.name)).not.toContain('HARNESS_API_KEY');
    expect(testRun.spec.initializer).not.toHaveProperty('volumes');
  });

  it('the reader pod mounts the same claim read-only where the printed `kubectl cp` reads it', async () => {
    const d = await distributed({ resultsClaim: 'load-results', namespace: 'load' });
    const reader = writtenObjects(d).reader as {
      metadata: { name: string; namespace: string };
      spec: {
        restartPolicy: string;
        containers: { command: string[]; volumeMounts: { mountPath: string; readOnly: boolean }[] }[];
        volumes: { persistentVolumeClaim: { claimName: string; readOnly: boolean } }[];
      };
    };
    expect(reader.metadata).toMatchObject({ name: 'harness-sync-latency-results', namespace: 'load' });
    expect(reader.spec.volumes[0]?.persistentVolumeClaim).toEqual({
      claimName: 'load-results',
      readOnly: true,
    });
    expect(d.testRun.spec.runner.volumes?.[0]?.persistentVolumeClaim.claimName).toBe('load-results');
    const mount = reader.spec.containers[0]?.volumeMounts[0];
    expect(mount).toMatchObject({ mountPath: '/results', readOnly: true });
    expect(reader.spec.restartPolicy).toBe('Never');
    expect(reader.spec.containers[0]?.command).toEqual(['sleep', '3600']); // ends by itself
    expect(d.lines.join('\n')).toContain(
      `kubectl cp load/harness-sync-latency-results:/results/${d.testId} ./harness-sync-latency-${d.testId}`,
    );
  });

  it('no written file and no console line holds the API key, even when it is in the environment', async () => {
    const canary = 'sk-canary-4e1f0c9d2b';
    const before = process.env.HARNESS_API_KEY;
    process.env.HARNESS_API_KEY = canary;
    try {
      const d = await distributed();
      const dir = join(d.files.testRun, '..');
      const files = readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((f) => f.isFile())
        .map((f) => join(f.parentPath, f.name));
      expect(files).toHaveLength(3);
      for (const file of files) expect(readFileSync(file, 'utf8')).not.toContain(canary);
      expect(d.lines.join('\n')).not.toContain(canary);
      expect(d.lines.join('\n')).toContain('--from-file=HARNESS_API_KEY=');
    } finally {
      if (before === undefined) delete process.env.HARNESS_API_KEY;
      else process.env.HARNESS_API_KEY = before;
    }
  });
});

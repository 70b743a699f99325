import type { ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { EnvVar } from '../../src/distribute/index.js';

// What the kubelet and the operator's starter do for a runner pod, played on this machine by
// the proof on real k6 (k6-runners.test.ts): env resolution, subPathExpr, readiness, bounded exit.

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}

/**
 * The kubelet's `$(VAR)` expansion (Kubernetes' third_party/forked/golang/expansion): `$$` is
 * one `$`, `$(NAME)` the value of NAME when defined (else left as written), any other `$` kept.
 */
export function expand(text: string, env: Readonly<Record<string, string>>): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c !== '$' || i + 1 >= text.length) {
      out += c;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') out += '$';
    else if (next === '(') {
      const close = text.indexOf(')', i + 2);
      if (close === -1) out += '$(';
      else {
        const name = text.slice(i + 2, close);
        out += env[name] ?? `$(${name})`;
        i = close - 1;
      }
    } else out += `$${next}`;
    i++;
  }
  return out;
}

/** The env the kubelet gives the container, in order: values (expanded with the variables before them), fieldRef metadata.name, secretKeyRef. */
export function podEnv(
  env: readonly EnvVar[],
  pod: string,
  secrets: Readonly<Record<string, Readonly<Record<string, string>>>>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of env) {
    if (v.value !== undefined) out[v.name] = expand(v.value, out);
    else if (v.valueFrom !== undefined && 'fieldRef' in v.valueFrom) {
      if (v.valueFrom.fieldRef.fieldPath !== 'metadata.name')
        throw new Error(`fieldRef ${v.valueFrom.fieldRef.fieldPath} is not simulated`);
      out[v.name] = pod;
    } else if (v.valueFrom !== undefined && 'secretKeyRef' in v.valueFrom) {
      const { name, key } = v.valueFrom.secretKeyRef;
      const value = secrets[name]?.[key];
      if (value === undefined) throw new Error(`no Secret ${name} with key ${key}`);
      out[v.name] = value;
    }
  }
  return out;
}

export async function until<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  boundMs: number,
): Promise<T> {
  const deadline = Date.now() + boundMs;
  for (;;) {
    const value = await probe().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${boundMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function exited(child: ChildProcess, boundMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`k6 runner still running after ${boundMs} ms`));
    }, boundMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(code ?? -1);
    });
  });
}

import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { transformScript } from '../../../src/engine/local/transform/transform-script.js';

/** Evaluates transformed CommonJS with fake k6 modules that record the order of calls. */
async function runTransformed(source: string, exec = 'default'): Promise<string[]> {
  return (await evaluate(source, exec)).order;
}

async function evaluate(
  source: string,
  exec = 'default',
): Promise<{ order: string[]; exports: Record<string, unknown> }> {
  const order: string[] = [];
  const delay = (label: string) =>
    new Promise<string>((resolve) =>
      setTimeout(() => {
        order.push(label);
        resolve(label);
      }, 5),
    );
  const http = {
    get: (u: string) => delay(`get ${u}`),
    post: (u: string) => delay(`post ${u}`),
    asyncRequest: (_m: string, u: string) => delay(`async ${u}`),
  };
  const k6 = {
    sleep: () => delay('sleep'),
    group: (_n: string, fn: () => unknown) => {
      order.push('group');
      return Promise.resolve(fn());
    },
    check: () => true,
  };
  const modules: Record<string, unknown> = {
    'k6/http': { __esModule: true, default: http, ...http },
    k6: { __esModule: true, default: k6, ...k6 },
  };
  const module = { exports: {} as Record<string, unknown> };
  // Like load-script.ts: the wrapper shares line 1, so positions are the script's own.
  const fn = vm.runInThisContext(
    `(function (exports, require, module) {${transformScript(source, 'test.js')}\n})`,
    { filename: 'test.js' },
  ) as (e: unknown, r: unknown, m: unknown) => void;
  fn(module.exports, (s: string) => modules[s], module);
  await (module.exports[exec] as () => Promise<void>)();
  return { order, exports: module.exports };
}

describe('transformScript (blocking k6 calls become awaited)', () => {
  it('keeps k6 sequential semantics through helpers, object methods and group callbacks', async () => {
    const order = await runTransformed(`
      import http from 'k6/http';
      import { group, sleep } from 'k6';
      function fetchOne(u) { return http.get(u); }
      const api = { submit(u) { return http.post(u, '{}'); } };
      const arrow = (u) => fetchOne(u);
      export default function () {
        fetchOne('a');
        group('g', () => { api.submit('b'); });
        arrow('c');
        sleep(1);
        http.get('d');
      }`);
    expect(order).toEqual(['get a', 'group', 'post b', 'get c', 'sleep', 'get d']);
  });

  it('leaves async code alone: asyncRequest stays a promise the script awaits itself', async () => {
    const order = await runTransformed(`
      import http from 'k6/http';
      export default async function () {
        const p = http.asyncRequest('GET', 'x');
        http.get('y');
        await p;
      }`);
    // The async request runs concurrently with the blocking get, which is awaited in place.
    expect(order.sort()).toEqual(['async x', 'get y']);
  });

  it('awaits blocking calls in class and object methods (static, computed, private) and nested calls', async () => {
    const order = await runTransformed(`
      import http from 'k6/http';
      import * as k6 from 'k6';
      const key = 'dyn';
      class Api {
        static fetch(u) { return http.get(u); }
        #post(u) { return http.post(u); }
        [key](u) { return this.#post(u); }
      }
      const obj = { ['get' + 'It'](u) { return Api.fetch(u); } };
      export default function () {
        new Api().dyn('a');
        obj.getIt('b');
        http.post(Api.fetch('c'));
        k6.sleep(1);
      }`);
    expect(order).toEqual(['post a', 'get b', 'get c', 'post get c', 'sleep']);
  });

  it('keeps every export form, as live bindings, and an anonymous default', async () => {
    const { exports } = await evaluate(`
      import http, { sleep as nap } from 'k6/http';
      export let counter = 0;
      export const { a, b: [c] } = { a: 1, b: [2] };
      const hidden = 'h';
      export { hidden as renamed, nap };
      export function bump() { counter++; }
      export class Thing {}
      bump();
      export default async function () {}`);
    expect(exports.counter).toBe(1);
    (exports.bump as () => void)();
    expect(exports.counter).toBe(2);
    expect([exports.a, exports.c, exports.renamed, typeof exports.Thing, typeof exports.default]).toEqual([
      1,
      2,
      'h',
      'function',
      'function',
    ]);
    const expr = await evaluate(`export default (() => 'x');\nexport const setup = () => 1;`, 'setup');
    expect((expr.exports.default as () => string)()).toBe('x');
  });

  it('keeps the line numbers of the script: a stack trace points at the line written', async () => {
    const failure = await evaluate(
      `import http from 'k6/http';\nimport { sleep } from 'k6';\n\nexport default function () {\n  http.get('a');\n  throw new Error('boom');\n}`,
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).stack).toMatch(/test\.js:6:\d+/);
  });

  it('refuses a blocking callback handed to a function that will not await it', () => {
    expect(() =>
      transformScript(
        `import http from 'k6/http';\nexport default function () { ['a'].forEach((u) => http.get(u)); }`,
        't.js',
      ),
    ).toThrow(/HARNESS_ERR_ENGINE_UNSUPPORTED|forEach/);
    expect(() =>
      transformScript(
        `import http from 'k6/http';\nfunction one(u) { http.get(u); }\nexport default function () { ['a'].map(one); }`,
        't.js',
      ),
    ).toThrow(/'one'.*map/);
  });

  it('refuses modules the local engine does not implement, and dynamic loading', () => {
    for (const mod of [
      'k6/browser',
      'k6/ws',
      'k6/net/grpc',
      'k6/experimental/redis',
      'k6/crypto',
      './lib.js',
      'https://jslib.example.invalid/k6-utils/index.js',
    ]) {
      expect(
        () => transformScript(`import x from '${mod}';\nexport default function () { x(); }`, 't.js'),
        mod,
      ).toThrow(`'${mod}'`);
    }
    expect(() =>
      transformScript(`export default async function () { await import('k6/http'); }`, 't.js'),
    ).toThrow(/dynamic import/);
    expect(() =>
      transformScript(`const u = import.meta.url;\nexport default function () {}`, 't.js'),
    ).toThrow(/import\.meta.*line 1:11/);
    expect(() => transformScript(`await Promise.resolve();\nexport default function () {}`, 't.js')).toThrow(
      /top-level await/,
    );
  });

  it('reports a syntax error with its position as HARNESS_ERR_ENGINE_SCRIPT', () => {
    expect(() => transformScript('export default function () {\n  let x = ;\n}', 'broken.js')).toThrow(
      expect.objectContaining({
        code: 'HARNESS_ERR_ENGINE_SCRIPT',
        message: expect.stringMatching(/broken\.js:2:/) as unknown,
      }),
    );
  });
});

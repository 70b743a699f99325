/** Module `k6/data`: SharedArray. VUs share one frozen copy, built once by the first VU. */
const shared = new Map<string, readonly unknown[]>();

export function dataModule(): Record<string, unknown> {
  class SharedArray {
    constructor(name: string, build: () => unknown[]) {
      if (typeof build !== 'function') throw new Error('SharedArray needs a function that returns an array');
      let data = shared.get(name);
      if (data === undefined) {
        const built = build();
        if (!Array.isArray(built)) throw new Error('the function given to SharedArray must return an array');
        data = Object.freeze(built.map((x) => Object.freeze(structuredClone<unknown>(x))));
        shared.set(name, data);
      }
      // A frozen array behaves like k6's read-only proxy: indexing, length, iteration.
      return data;
    }
  }
  return { __esModule: true, default: { SharedArray }, SharedArray };
}

/** For a new test run in the same process. */
export function resetSharedArrays(): void {
  shared.clear();
}

/**
 * setup()'s data as a k6 VU sees it. k6 hands each VU its own copy held as Go values
 * (maps and slices) and wraps them for JavaScript on every property read, which gives
 * quirks no script should rely on, reproduced here so both engines agree:
 * - object properties set or changed persist in that VU's copy (later iterations see them);
 * - an array read from the data is a fresh view each time: writing an existing index
 *   persists, but growing or shrinking it (`push`, `pop`, `length = …`) only changes that
 *   view — the next read has the original length again;
 * - a value assigned into the data is stored as a copy (Go exports it), not by reference.
 */
const objectViews = new WeakMap<object, object>();

function isIndex(key: string | symbol): key is string {
  return typeof key === 'string' && /^(0|[1-9]\d*)$/.test(key);
}

/** What goja's export stores: arrays and plain objects copied deeply, anything else as is. */
function exported(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(exported);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, exported(v)]));
  return value;
}

export function setupDataView(value: unknown): unknown {
  if (Array.isArray(value)) return arrayView(value as unknown[]);
  if (value !== null && typeof value === 'object') return objectView(value);
  return value;
}

function objectView(target: object): object {
  let view = objectViews.get(target);
  if (view === undefined) {
    view = new Proxy(target, {
      get: (t, key, receiver) => {
        const v: unknown = Reflect.get(t, key, receiver);
        return typeof key === 'string' ? setupDataView(v) : v;
      },
      set: (t, key, v) => Reflect.set(t, key, exported(v)),
    });
    objectViews.set(target, view);
  }
  return view;
}

function arrayView(stored: unknown[]): unknown[] {
  // The view's own slice: same elements (objects in it are shared), own length.
  const own = stored.slice();
  let resized = false;
  return new Proxy(own, {
    get: (t, key, receiver) => {
      const v: unknown = Reflect.get(t, key, receiver);
      return isIndex(key) ? setupDataView(v) : v;
    },
    set: (t, key, v, receiver) => {
      if (key === 'length') {
        if (v !== t.length) resized = true;
        return Reflect.set(t, key, v);
      }
      if (!isIndex(key)) return Reflect.set(t, key, v, receiver);
      const i = Number(key);
      if (i >= t.length) resized = true;
      const value = exported(v);
      t[i] = value;
      // Until the view grows or shrinks it shares the stored slice's elements (as a Go slice does).
      if (!resized && i < stored.length) stored[i] = value;
      return true;
    },
  });
}

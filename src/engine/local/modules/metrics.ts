import type { MetricType } from '../../metrics/types.js';
import type { Vu } from '../runtime/vu.js';

const NAME = /^[\p{L}\p{N}._!?/&#()<>%-]{1,128}$/u;

/** Module `k6/metrics`: custom metrics forward to the metrics engine with the VU's tags. */
export function metricsModule(vu: Vu): Record<string, unknown> {
  const run = vu.run;
  const make = (type: MetricType) =>
    class {
      readonly name: string;
      constructor(name: string, isTime = false) {
        if (!vu.inInit) throw new Error('metrics must be declared in the init context');
        if (typeof name !== 'string' || !NAME.test(name))
          throw new Error(`invalid metric name '${String(name)}'`);
        this.name = name;
        run.metrics.define(name, type, isTime && type !== 'rate' ? 'time' : 'default');
      }

      add(value: number | boolean, tags: Record<string, string> = {}): boolean {
        if (vu.inInit) throw new Error('metrics can not be added in the init context');
        const v = typeof value === 'boolean' ? (value ? 1 : 0) : Number(value);
        if (!Number.isFinite(v))
          throw new Error(`'${String(value)}' is an invalid value for metric '${this.name}'`);
        const out: Record<string, string> = vu.baseTags();
        for (const [k, tv] of Object.entries(tags)) out[k] = String(tv);
        run.emit(this.name, type === 'rate' ? (v !== 0 ? 1 : 0) : v, out);
        return true;
      }
    };
  const api = { Counter: make('counter'), Gauge: make('gauge'), Rate: make('rate'), Trend: make('trend') };
  return { __esModule: true, default: api, ...api };
}

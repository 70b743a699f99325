import type { MetricType } from './types.js';
import { TrendSink } from './trend-sink.js';

/** Counter: k6's count, and (at summary time) count per second of test duration. */
export class CounterSink {
  count = 0;
  samples = 0;
  add(value: number): void {
    this.count += value;
    this.samples += 1;
  }
  get empty(): boolean {
    return this.samples === 0;
  }
}

/** Gauge: the last value added, with min and max over the run. */
export class GaugeSink {
  value = 0;
  min = Infinity;
  max = -Infinity;
  samples = 0;
  add(value: number): void {
    this.value = value;
    this.samples += 1;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }
  get empty(): boolean {
    return this.samples === 0;
  }
}

/** Rate: the fraction of samples that are non-zero (k6's Trues / Total). */
export class RateSink {
  trues = 0;
  total = 0;
  add(value: number): void {
    this.total += 1;
    if (value !== 0) this.trues += 1;
  }
  get rate(): number {
    return this.total === 0 ? 0 : this.trues / this.total;
  }
  get empty(): boolean {
    return this.total === 0;
  }
}

export { TrendSink };
export type Sink = CounterSink | GaugeSink | RateSink | TrendSink;

export function createSink(type: MetricType, trendExactLimit?: number): Sink {
  switch (type) {
    case 'counter':
      return new CounterSink();
    case 'gauge':
      return new GaugeSink();
    case 'rate':
      return new RateSink();
    case 'trend':
      return new TrendSink(trendExactLimit);
  }
}

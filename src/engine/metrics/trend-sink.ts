import * as hdr from 'hdr-histogram-js';

/**
 * Storage for a Trend. k6 keeps every sample in a []float64 and computes exact
 * percentiles by linear interpolation between the two nearest ranks; we do the same
 * in a growable Float64Array (8 bytes per sample, no per-sample objects), so
 * results match k6 exactly. Past `exactLimit` samples (default 4M ≈ 32 MB) a sink
 * spills into an HDR histogram (3 significant digits, µs units, fixed memory) so a
 * soak test cannot grow without bound; from then on percentiles are within 0.1 %.
 * Negative values (possible in custom Trends) cannot go into HDR, so such a sink
 * stays exact.
 */
export class TrendSink {
  private values: Float64Array | null = new Float64Array(64);
  private sorted = true;
  private histogram: hdr.Histogram | null = null;
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;

  constructor(private readonly exactLimit = 4_000_000) {}

  add(value: number): void {
    this.count += 1;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (this.histogram !== null) {
      this.histogram.recordValue(toMicros(value));
      return;
    }
    const values = this.values ?? new Float64Array(64);
    const n = this.count - 1;
    let store = values;
    if (n >= values.length) {
      store = new Float64Array(values.length * 2);
      store.set(values);
    }
    if (n > 0 && value < store[n - 1]) this.sorted = false;
    store[n] = value;
    this.values = store;
    if (this.count > this.exactLimit && this.min >= 0) this.spill();
  }

  /** Bytes held by this sink's sample storage (for the memory measurement). */
  get storageBytes(): number {
    return this.histogram !== null ? this.histogram.estimatedFootprintInBytes : (this.values?.byteLength ?? 0);
  }

  get empty(): boolean {
    return this.count === 0;
  }

  get avg(): number {
    return this.count === 0 ? 0 : this.sum / this.count;
  }

  /** k6's TrendSink.P: 0 for no samples, else linear interpolation at pct·(n−1). */
  percentile(pct: number): number {
    if (this.count === 0) return 0;
    if (this.histogram !== null) return this.histogram.getValueAtPercentile(pct * 100) / 1000;
    const values = this.sortedValues();
    if (this.count === 1) return values[0];
    const i = pct * (this.count - 1);
    const lo = values[Math.floor(i)];
    const hi = values[Math.ceil(i)];
    return lo + (hi - lo) * (i - Math.floor(i));
  }

  get exact(): boolean {
    return this.histogram === null;
  }

  private sortedValues(): Float64Array {
    const view = this.values!.subarray(0, this.count);
    if (!this.sorted) {
      view.sort();
      this.sorted = true;
    }
    return view;
  }

  private spill(): void {
    const histogram = hdr.build({ numberOfSignificantValueDigits: 3, autoResize: true, bitBucketSize: 'packed' });
    for (const v of this.values!.subarray(0, this.count)) histogram.recordValue(toMicros(v));
    this.histogram = histogram;
    this.values = null;
  }
}

function toMicros(ms: number): number {
  return Math.round(ms * 1000);
}

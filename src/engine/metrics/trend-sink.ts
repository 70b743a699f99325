import { createRequire } from 'node:module';
import type * as Hdr from 'hdr-histogram-js';

// Required at the first spill only: hdr-histogram-js costs ≈ 8 MB resident, and a run that stays
// under 4M samples per Trend (almost all of them) never needs it.
const loadHdr = (): typeof Hdr => createRequire(import.meta.url)('hdr-histogram-js') as typeof Hdr;

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
  /** values[0, sortedCount) are in order; later samples are appended unsorted. */
  private sortedCount = 0;
  private histogram: Hdr.Histogram | null = null;
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
    store[n] = value;
    this.values = store;
    if (this.count > this.exactLimit && this.min >= 0) this.spill();
  }

  /** Bytes held by this sink's sample storage (for the memory measurement). */
  get storageBytes(): number {
    return this.histogram !== null
      ? this.histogram.estimatedFootprintInBytes
      : (this.values?.byteLength ?? 0);
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

  /**
   * Thresholds ask for percentiles every 2 s while samples keep arriving; re-sorting
   * everything each time would block the event loop (~70 ms per 1M samples) and skew
   * the latencies being measured. So only the new tail is sorted, then merged with the
   * sorted prefix in one linear pass.
   */
  private sortedValues(): Float64Array {
    const values = this.values!;
    const done = this.sortedCount;
    if (done < this.count) {
      const tail = values.subarray(done, this.count).sort();
      if (done > 0 && tail[0] < values[done - 1]) {
        const merged = new Float64Array(values.length);
        let i = 0;
        let j = done;
        let k = 0;
        while (i < done && j < this.count) merged[k++] = values[i] <= values[j] ? values[i++] : values[j++];
        while (i < done) merged[k++] = values[i++]!;
        while (j < this.count) merged[k++] = values[j++]!;
        this.values = merged;
      }
      this.sortedCount = this.count;
    }
    return this.values!.subarray(0, this.count);
  }

  private spill(): void {
    const histogram = loadHdr().build({
      numberOfSignificantValueDigits: 3,
      autoResize: true,
      bitBucketSize: 'packed',
    });
    for (const v of this.values!.subarray(0, this.count)) histogram.recordValue(toMicros(v));
    this.histogram = histogram;
    this.values = null;
  }
}

function toMicros(ms: number): number {
  return Math.round(ms * 1000);
}

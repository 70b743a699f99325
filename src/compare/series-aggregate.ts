import { LogHistogram } from './log-histogram.js';
import { Reservoir } from './reservoir.js';

/** Exact statistics of one stream of values, plus a histogram and (for trends) a seeded reservoir. */
export class SeriesAggregate {
  count = 0;
  sum = 0;
  min = Infinity;
  max = -Infinity;
  firstTime = Infinity;
  lastTime = -Infinity;
  readonly histogram = new LogHistogram();
  /** Samples per whole second of epoch time: bounded by the run's length, not its rate. */
  readonly perSecond = new Map<number, number>();
  readonly reservoir: Reservoir | undefined;

  constructor(reservoir?: { capacity: number; seed: number }) {
    this.reservoir = reservoir === undefined ? undefined : new Reservoir(reservoir.capacity, reservoir.seed);
  }

  add(value: number, time: number): void {
    this.count += 1;
    this.sum += value;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
    if (time < this.firstTime) this.firstTime = time;
    if (time > this.lastTime) this.lastTime = time;
    this.histogram.add(value);
    if (Number.isFinite(time)) {
      const s = Math.floor(time / 1000);
      this.perSecond.set(s, (this.perSecond.get(s) ?? 0) + 1);
    }
    this.reservoir?.add(value);
  }

  /** Exact for count/sum/min/max/times/perSecond/histogram; the reservoir is not merged (it stays this side's). */
  merge(other: SeriesAggregate): void {
    this.count += other.count;
    this.sum += other.sum;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    this.firstTime = Math.min(this.firstTime, other.firstTime);
    this.lastTime = Math.max(this.lastTime, other.lastTime);
    this.histogram.merge(other.histogram);
    for (const [s, n] of other.perSecond) this.perSecond.set(s, (this.perSecond.get(s) ?? 0) + n);
  }
}

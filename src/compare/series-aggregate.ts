import { Reservoir } from './reservoir.js';
import { ValueStats } from './value-stats.js';

/** ValueStats of one series, plus its time span, samples per second and (for trends) a seeded reservoir. */
export class SeriesAggregate extends ValueStats {
  firstTime = Infinity;
  lastTime = -Infinity;
  private readonly seconds = new Map<number, number>();
  // Samples arrive in time order, mostly within the same second: counted here, flushed on change.
  private second = Number.NaN;
  private inSecond = 0;
  readonly reservoir: Reservoir | undefined;

  constructor(reservoir?: { capacity: number; seed: number }) {
    super();
    this.reservoir = reservoir === undefined ? undefined : new Reservoir(reservoir.capacity, reservoir.seed);
  }

  /** Samples per whole second of epoch time: bounded by the run's length, not its rate. */
  get perSecond(): Map<number, number> {
    this.flush();
    return this.seconds;
  }

  private flush(): void {
    if (this.inSecond === 0) return;
    this.seconds.set(this.second, (this.seconds.get(this.second) ?? 0) + this.inSecond);
    this.inSecond = 0;
  }

  add(value: number, time = Number.NaN): void {
    super.add(value);
    if (time < this.firstTime) this.firstTime = time;
    if (time > this.lastTime) this.lastTime = time;
    if (Number.isFinite(time)) {
      const s = Math.floor(time / 1000);
      if (s !== this.second) {
        this.flush();
        this.second = s;
      }
      this.inSecond += 1;
    }
    this.reservoir?.add(value);
  }

  /** Exact for count/sum/min/max/times/perSecond/histogram; the reservoir is not merged (it stays this side's). */
  merge(other: ValueStats): void {
    super.merge(other);
    if (!(other instanceof SeriesAggregate)) return;
    this.firstTime = Math.min(this.firstTime, other.firstTime);
    this.lastTime = Math.max(this.lastTime, other.lastTime);
    const mine = this.perSecond;
    for (const [s, n] of other.perSecond) mine.set(s, (mine.get(s) ?? 0) + n);
  }
}

import { seededRandom } from './stats.js';

/**
 * A bounded uniform sample of a stream (Vitter's algorithm R), seeded so a comparison is
 * reproducible. Until `capacity` values have arrived it holds all of them in arrival order —
 * so a series that small is compared on exactly its raw values.
 */
export class Reservoir<T = number> {
  readonly values: T[] = [];
  seen = 0;
  private readonly random: () => number;

  constructor(
    readonly capacity: number,
    seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  add(value: T): void {
    this.seen += 1;
    if (this.values.length < this.capacity) {
      this.values.push(value);
      return;
    }
    const j = Math.floor(this.random() * this.seen);
    if (j < this.capacity) this.values[j] = value;
  }
}

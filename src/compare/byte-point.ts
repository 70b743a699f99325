import { PER_SAMPLE_TAGS, addToSlot, slotOf, type RunAggregates, type Slot } from './run-aggregates.js';

// Both layouts of a Point line: k6 writes metric first, the local engine (JSON.stringify) last.
const K6_HEAD = Buffer.from('{"metric":"');
const K6_MID = Buffer.from('","type":"Point","data":{"time":"');
const ENGINE_HEAD = Buffer.from('{"type":"Point","data":{"time":"');
const VALUE = Buffer.from('","value":');
const TAGS = Buffer.from(',"tags":{');
const METRIC_KEY = Buffer.from('},"metric":"');
const QUOTE = 34;
const BACKSLASH = 92;
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);
const MAX_EXACT = 2 ** 53;

// Byte loops, not Buffer#compare: on patterns this short its argument checks cost more than the bytes.
function at(buf: Buffer, pos: number, pattern: Buffer): boolean {
  const n = pattern.length;
  if (pos < 0 || pos + n > buf.length) return false;
  for (let i = 0; i < n; i += 1) if (buf[pos + i] !== pattern[i]) return false;
  return true;
}

/** A per-sample tag (PER_SAMPLE_TAGS: url, vu, iter, conversation) by its key's bytes, without a string. */
function perSample(buf: Buffer, from: number, to: number): boolean {
  const n = to - from;
  const c = buf[from];
  if (n === 3) return c === 117 && buf[from + 1] === 114 && buf[from + 2] === 108; // url
  if (n === 2) return c === 118 && buf[from + 1] === 117; // vu
  if (n === 4) return c === 105 && buf[from + 1] === 116 && buf[from + 2] === 101 && buf[from + 3] === 114; // iter
  return n === 12 && c === 99 && buf.toString('latin1', from, to) === 'conversation';
}

interface MetricBytes {
  readonly name: string;
  /** Its slot by tag set id. */
  readonly slots: (Slot | undefined)[];
}

interface TagSetBytes {
  readonly tags: Record<string, string>;
  readonly id: number;
  /** Names the tag set in RunAggregates' slot cache (with the metric, which slotOf adds). */
  readonly text: string;
}

/**
 * Reads Point lines straight from the gunzipped bytes, with no string per line: the metric is
 * found by its bytes (interned by a hash), the time and value are parsed in place, and a tag text
 * is resolved once — a line whose tag bytes equal the previous line's (k6 writes a request's
 * metrics one after the other with the same tags) costs one byte comparison. Names and tag values
 * are decoded as UTF-8 when first seen. Anything unusual (another layout, an escape, a kept
 * metric) is left to the string reader: `add` returns false.
 */
export class BytePointReader {
  private readonly metrics = new Map<number, (MetricBytes & { readonly bytes: Buffer })[]>();
  private readonly tagSets = new Map<number, (TagSetBytes & { readonly kept: Buffer })[]>();
  private tagCount = 0;
  // The previous line's tag bytes, where they were read (no copy).
  private prevBuf: Buffer = Buffer.alloc(0);
  private prevFrom = 0;
  private prevLength = -1;
  private prevTagSet: TagSetBytes | undefined;
  private readonly prefix = Buffer.alloc(19);
  private prefixMs = Number.NaN;

  constructor(private readonly into: RunAggregates) {}

  add(buf: Buffer, start: number, end: number): boolean {
    let metricFrom: number;
    let metricTo: number;
    let timeFrom: number;
    let tagsClose: number;
    if (at(buf, start, K6_HEAD)) {
      metricFrom = start + K6_HEAD.length;
      metricTo = buf.indexOf(QUOTE, metricFrom);
      if (metricTo < 0 || metricTo >= end || !at(buf, metricTo, K6_MID)) return false;
      timeFrom = metricTo + K6_MID.length;
      // …,"tags":{…}}}  — the tags' closing brace is third from the end.
      if (buf[end - 1] !== 125 || buf[end - 2] !== 125) return false;
      tagsClose = end - 3;
    } else if (at(buf, start, ENGINE_HEAD)) {
      timeFrom = start + ENGINE_HEAD.length;
      // …,"tags":{…}},"metric":"NAME"}
      if (buf[end - 1] !== 125 || buf[end - 2] !== QUOTE) return false;
      metricTo = end - 2;
      metricFrom = buf.lastIndexOf(QUOTE, metricTo - 1) + 1;
      if (metricFrom <= timeFrom || !at(buf, metricFrom - METRIC_KEY.length, METRIC_KEY)) return false;
      tagsClose = metricFrom - METRIC_KEY.length - 1;
    } else return false;
    if (buf[tagsClose] !== 125) return false;
    let timeTo = timeFrom;
    while (timeTo < tagsClose && buf[timeTo] !== QUOTE) timeTo += 1;
    if (!at(buf, timeTo, VALUE)) return false;
    const valueFrom = timeTo + VALUE.length;
    let valueTo = valueFrom;
    while (valueTo < tagsClose && buf[valueTo] !== 44 /* , */) valueTo += 1;
    if (!at(buf, valueTo, TAGS)) return false;
    const value = parseNumber(buf, valueFrom, valueTo);
    if (Number.isNaN(value)) return false;
    const tagSet = this.tagSet(buf, valueTo + TAGS.length, tagsClose);
    if (tagSet === undefined) return false;
    const metric = this.metric(buf, metricFrom, metricTo);
    if (metric === undefined) return false;
    let slot = metric.slots[tagSet.id];
    if (slot === undefined) {
      if (this.into.kept.has(metric.name)) return false;
      slot = metric.slots[tagSet.id] = slotOf(
        this.into,
        metric.name,
        tagSet.tags,
        `${metric.name}\u0000${tagSet.text}`,
      );
    }
    addToSlot(this.into, slot, value, this.time(buf, timeFrom, timeTo));
    return true;
  }

  private metric(buf: Buffer, from: number, to: number): MetricBytes | undefined {
    let h = to - from;
    for (let i = from; i < to; i += 1) h = Math.imul(h ^ buf[i], 0x01000193);
    let bucket = this.metrics.get(h);
    if (bucket === undefined) this.metrics.set(h, (bucket = []));
    for (const m of bucket) if (m.bytes.length === to - from && at(buf, from, m.bytes)) return m;
    for (let i = from; i < to; i += 1) if (buf[i] === BACKSLASH) return undefined;
    const m = { bytes: Buffer.from(buf.subarray(from, to)), name: buf.toString('utf8', from, to), slots: [] };
    bucket.push(m);
    return m;
  }

  /** RFC 3339 with a Z zone, whole milliseconds truncated (as Date.parse reads it); Date.parse otherwise. */
  private time(buf: Buffer, from: number, to: number): number {
    const n = to - from;
    if (n < 20 || buf[to - 1] !== 90 /* Z */) return Date.parse(buf.toString('latin1', from, to));
    if (!at(buf, from, this.prefix) || Number.isNaN(this.prefixMs)) {
      buf.copy(this.prefix, 0, from, from + 19);
      this.prefixMs = Date.parse(`${this.prefix.toString('latin1')}Z`);
    }
    if (n === 20) return this.prefixMs;
    if (buf[from + 19] !== 46 /* . */) return Date.parse(buf.toString('latin1', from, to));
    let ms = 0;
    for (let i = 0; i < 3; i += 1) {
      const d = from + 20 + i < to - 1 ? buf[from + 20 + i] - 48 : 0;
      if (d < 0 || d > 9) return Date.parse(buf.toString('latin1', from, to));
      ms = ms * 10 + d;
    }
    return this.prefixMs + ms;
  }

  /** The tag set of the bytes in [from, close): the previous line's when equal, else looked up by its kept bytes. */
  private tagSet(buf: Buffer, from: number, close: number): TagSetBytes | undefined {
    const prev = this.prevTagSet;
    // One native comparison (≈ 3× a byte loop over ≈ 250 bytes); the previous line's bytes stay where they were read.
    if (
      prev !== undefined &&
      close - from === this.prevLength &&
      buf.compare(this.prevBuf, this.prevFrom, this.prevFrom + this.prevLength, from, close) === 0
    )
      return prev;
    // "k":"v" pairs; the per-sample ones are cut, the rest hashed as written.
    let h = 0x811c9dc5;
    const cuts: number[] = [];
    let p = from;
    while (p < close) {
      const pairFrom = p;
      if (buf[p] !== QUOTE) return undefined;
      const keyTo = scanString(buf, p + 1, close);
      if (keyTo < 0 || buf[keyTo + 1] !== 58 /* : */ || buf[keyTo + 2] !== QUOTE) return undefined;
      const valueTo = scanString(buf, keyTo + 3, close);
      if (valueTo < 0) return undefined;
      p = valueTo + 1;
      if (p < close) {
        if (buf[p] !== 44 /* , */) return undefined;
        p += 1;
      }
      if (perSample(buf, pairFrom + 1, keyTo)) cuts.push(pairFrom, p);
      else for (let i = pairFrom; i < p; i += 1) h = Math.imul(h ^ buf[i], 0x01000193);
    }
    if (p !== close) return undefined;
    let bucket = this.tagSets.get(h);
    if (bucket === undefined) this.tagSets.set(h, (bucket = []));
    let found = bucket.find((t) => keptEquals(buf, from, close, cuts, t.kept));
    if (found === undefined) {
      let tags: Record<string, string>;
      try {
        tags = JSON.parse(buf.toString('utf8', from - 1, close + 1)) as Record<string, string>;
      } catch {
        return undefined;
      }
      for (const k of PER_SAMPLE_TAGS) delete tags[k];
      const kept = cutBytes(buf, from, close, cuts);
      found = { kept, tags, id: this.tagCount++, text: `\u0001${kept.toString('utf8')}` };
      bucket.push(found);
    }
    this.prevBuf = buf;
    this.prevFrom = from;
    this.prevLength = close - from;
    this.prevTagSet = found;
    return found;
  }
}

/** Index of the closing quote of a string starting at `from`; -1 at an escape or past `limit`. */
function scanString(buf: Buffer, from: number, limit: number): number {
  for (let i = from; i < limit; i += 1) {
    const c = buf[i];
    if (c === QUOTE) return i;
    if (c === BACKSLASH) return -1;
  }
  return -1;
}

/** The bytes [from, to) minus the cut ranges (pairs of offsets) equal `kept`. */
function keptEquals(buf: Buffer, from: number, to: number, cuts: readonly number[], kept: Buffer): boolean {
  let k = 0;
  let p = from;
  for (let c = 0; c <= cuts.length; c += 2) {
    const end = c < cuts.length ? cuts[c] : to;
    if (k + end - p > kept.length) return false;
    for (; p < end; p += 1, k += 1) if (buf[p] !== kept[k]) return false;
    p = c < cuts.length ? cuts[c + 1] : to;
  }
  return k === kept.length;
}

function cutBytes(buf: Buffer, from: number, to: number, cuts: readonly number[]): Buffer {
  const parts: Buffer[] = [];
  let p = from;
  for (let c = 0; c < cuts.length; c += 2) {
    parts.push(buf.subarray(p, cuts[c]));
    p = cuts[c + 1]!;
  }
  parts.push(buf.subarray(p, to));
  return Buffer.concat(parts);
}

/**
 * A JSON number without a string: digits accumulate exactly below 2^53 and one division by an
 * exact power of ten rounds correctly (as Number() does); anything else goes through Number().
 */
function parseNumber(buf: Buffer, from: number, to: number): number {
  let p = from;
  const negative = buf[p] === 45; /* - */
  if (negative) p += 1;
  let mantissa = 0;
  let decimals = 0;
  let digits = 0;
  let point = false;
  for (; p < to; p += 1) {
    const c = buf[p];
    if (c === 46 /* . */ && !point) {
      point = true;
      continue;
    }
    const d = c - 48;
    if (d < 0 || d > 9 || mantissa >= MAX_EXACT / 10) return Number(buf.toString('latin1', from, to));
    mantissa = mantissa * 10 + d;
    digits += 1;
    if (point) decimals += 1;
  }
  if (digits === 0) return Number.NaN;
  if (decimals > 22) return Number(buf.toString('latin1', from, to));
  const value = decimals === 0 ? mantissa : mantissa / POW10[decimals];
  return negative ? -value : value;
}

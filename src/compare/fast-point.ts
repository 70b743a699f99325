import { PER_SAMPLE_TAGS, addToSlot, slotOf, type RunAggregates, type Slot } from './run-aggregates.js';

// Both layouts of a Point line: k6 writes metric first, the local engine (JSON.stringify) last.
const K6_HEAD = '{"metric":"';
const ENGINE_HEAD = '{"type":"Point","data":{"time":"';
const CUTS = [...PER_SAMPLE_TAGS].map((t) => `"${t}":"`);

let lastPrefix = '';
let lastPrefixMs = Number.NaN;

/** RFC 3339 with a Z zone (what both engines write) without Date.parse per line; else Date.parse. */
function parseTime(s: string): number {
  if (s.length < 20 || s.charCodeAt(s.length - 1) !== 90 /* Z */) return Date.parse(s);
  const prefix = s.slice(0, 19);
  if (prefix !== lastPrefix) {
    lastPrefix = prefix;
    lastPrefixMs = Date.parse(`${prefix}Z`);
  }
  if (s.length === 20) return lastPrefixMs;
  if (s.charCodeAt(19) !== 46 /* . */) return Date.parse(s);
  // Whole milliseconds, truncated, as Date.parse reads the fraction.
  const ms = s.slice(20, Math.min(s.length - 1, 23));
  return lastPrefixMs + Number(ms) * 10 ** (3 - ms.length);
}

/** Tag text without its per-sample tags' values, so it names a tag set. */
function tagSetText(tags: string): string {
  let out = tags;
  for (const cut of CUTS) {
    const at = out.indexOf(cut);
    if (at < 0) continue;
    const end = out.indexOf('"', at + cut.length);
    out = out.slice(0, at) + out.slice(end + 1);
  }
  return out;
}

/**
 * Adds a Point line without JSON.parse when it has one of the two known layouts and no escape in its tags;
 * a tag set is parsed once, when first seen. False when the line needs the full parser.
 */
export function addPointFast(into: RunAggregates, line: string): boolean {
  let metric: string;
  let from: number;
  if (line.startsWith(K6_HEAD)) {
    const end = line.indexOf('"', K6_HEAD.length);
    metric = line.slice(K6_HEAD.length, end);
    if (!line.startsWith('","type":"Point","data":{"time":"', end)) return false;
    from = end + 33;
  } else if (line.startsWith(ENGINE_HEAD)) {
    const at = line.lastIndexOf('"metric":"');
    if (at < 0 || !line.endsWith('"}')) return false;
    metric = line.slice(at + 10, line.length - 2);
    from = ENGINE_HEAD.length;
  } else return false;
  if (into.kept.size > 0 && into.kept.has(metric)) return false;
  const timeEnd = line.indexOf('"', from);
  if (!line.startsWith(',"value":', timeEnd + 1)) return false;
  const valueEnd = line.indexOf(',"tags":', timeEnd + 10);
  if (valueEnd < 0 || line.charCodeAt(valueEnd + 8) !== 123 /* { */) return false;
  const value = Number(line.slice(timeEnd + 10, valueEnd));
  const tagsEnd = line.indexOf('}', valueEnd + 8);
  if (Number.isNaN(value) || tagsEnd < 0) return false;
  const tagsText = line.slice(valueEnd + 8, tagsEnd + 1);
  // Most lines repeat a tag text seen before: one lookup by the text as written, no cutting.
  let byText = into.rawSlots.get(metric);
  if (byText === undefined) into.rawSlots.set(flatCopy(metric), (byText = new Map<string, Slot>()));
  let slot = byText.get(tagsText);
  if (slot === undefined) {
    const cut = tagSetText(tagsText);
    slot = resolveSlot(into, metric, tagsText, cut);
    if (slot === undefined) return false;
    // Only a text without per-sample tags repeats; a key is copied so it does not keep the whole
    // chunk it was sliced from alive.
    if (cut === tagsText) {
      if (byText.size >= 10_000) byText.clear();
      byText.set(flatCopy(tagsText), slot);
    }
  }
  addToSlot(into, slot, value, parseTime(line.slice(from, timeEnd)));
  return true;
}

const flatCopy = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

/** The slot of a tag text not seen as written: by its tag set (per-sample tags cut), parsed once. */
function resolveSlot(into: RunAggregates, metric: string, tagsText: string, cut: string): Slot | undefined {
  if (metric.includes('\\') || tagsText.includes('\\')) return undefined;
  const text = `${metric}\u0000${cut}`;
  let slot = into.slots.get(text);
  if (slot === undefined) {
    let tags: Record<string, string>;
    try {
      tags = JSON.parse(tagsText) as Record<string, string>;
    } catch {
      return undefined;
    }
    slot = slotOf(into, flatCopy(metric), tags, flatCopy(text));
  }
  return slot;
}

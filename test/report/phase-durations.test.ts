import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/report/job/index.js';

/** Issue 12: the figure beside a phase is that phase's own duration, not the time since the job started. */
describe('phase durations of the main job', () => {
  const clock = (): { now: () => number; at: (ms: number) => void } => {
    let t = 1_000_000;
    return { now: () => t, at: (ms) => void (t = 1_000_000 + ms) };
  };

  it('each phase ends with its own duration (target 0.3 s, verify 3.2 s, load 12 s, report 0.5 s)', () => {
    const out: string[] = [];
    const c = clock();
    const p = new Progress(false, (t) => out.push(t), c.now);
    p.phase('target');
    c.at(300);
    p.phase('verify', 'http://127.0.0.1:1');
    c.at(3_500);
    p.phase('load');
    c.at(15_500);
    p.phase('report');
    c.at(16_000);
    p.end();
    p.end(); // idempotent
    const text = out.join('');
    expect(text).toContain('✔ target  0.3 s');
    expect(text).toContain('✔ verify  3.2 s');
    expect(text).toContain('✔ load  12.0 s');
    expect(text).toContain('✔ report  0.5 s');
    expect(text.match(/✔/g)).toHaveLength(4);
    // Nothing counts from the job's start any more: 15.5 s (since start) appears nowhere.
    expect(text).not.toMatch(/15\.5 s/);
  });

  it('with --ci each phase-end event carries durationMs', () => {
    const out: string[] = [];
    const c = clock();
    const p = new Progress(true, (t) => out.push(t), c.now);
    p.phase('verify');
    c.at(2_000);
    p.phase('load');
    c.at(9_000);
    p.end();
    const events = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events.filter((e) => e.event === 'phase-end')).toEqual([
      { event: 'phase-end', phase: 'verify', outcome: 'done', durationMs: 2000 },
      { event: 'phase-end', phase: 'load', outcome: 'done', durationMs: 7000 },
    ]);
  });
});

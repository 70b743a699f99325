import { describe, expect, it } from 'vitest';
import { Progress } from '../../src/report/job/index.js';
import { clearSecrets, registerSecret } from '../../src/secrets/index.js';

describe('Progress (the main job console)', () => {
  it('prints phases, engine lines and load time for people, and scrubs keys', () => {
    const out: string[] = [];
    registerSecret('secret-key-123456');
    try {
      let now = 1000;
      const p = new Progress(
        false,
        (t) => out.push(t),
        () => now,
      );
      p.phase('target');
      now += 300;
      p.phase('verify', 'http://127.0.0.1:1');
      now += 5200;
      p.engineLine('running (0m01.0s/2m00.0s) key=secret-key-123456');
      p.loadTick(10_000, 25_000);
      p.end();
      expect(out.join('')).toMatch(/▶ verify {2}http:\/\/127\.0\.0\.1:1\n/);
      // Each phase's own duration, not the time since start.
      expect(out.join('')).toContain('✔ target  0.3 s');
      expect(out.join('')).toContain('✔ verify  5.2 s');
      expect(out.join('')).toContain('load: 10 s elapsed, at most 15 s remaining');
      expect(out.join('')).not.toContain('secret-key-123456');
    } finally {
      clearSecrets();
    }
  });

  it('with --ci prints one JSON object per line and drops the engine chatter', () => {
    const out: string[] = [];
    let now = 0;
    const p = new Progress(
      true,
      (t) => out.push(t),
      () => now,
    );
    p.phase('load');
    p.engineLine('running (0m01.0s/2m00.0s)');
    p.loadTick(1500);
    now = 2000;
    p.end('interrupted');
    const events = out
      .join('')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(events).toEqual([
      { event: 'phase', phase: 'load' },
      { event: 'load-progress', elapsedMs: 1500 },
      { event: 'phase-end', phase: 'load', outcome: 'interrupted', durationMs: 2000 },
    ]);
  });
});

import { scrub } from '../../secrets/index.js';

/**
 * The main job's console: readable lines for people, or with --ci one JSON
 * object per line ({"event": …}) for machines. Everything passes the scrubber.
 */
export class Progress {
  private current: { readonly name: string; readonly started: number } | undefined;

  constructor(
    private readonly ci: boolean,
    private readonly out: (text: string) => void = (t) => process.stdout.write(t),
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a phase, ending the one before: each phase's line gives its OWN duration when it ends. */
  phase(name: string, detail = ''): void {
    this.end();
    this.current = { name, started: this.now() };
    if (this.ci) this.emit({ event: 'phase', phase: name, ...(detail === '' ? {} : { detail }) });
    else this.out(scrub(`▶ ${name}${detail === '' ? '' : `  ${detail}`}\n`));
  }

  /** Ends the current phase (if any) with its duration: "✔ verify (3.2 s)". */
  end(): void {
    if (this.current === undefined) return;
    const { name, started } = this.current;
    this.current = undefined;
    const ms = this.now() - started;
    if (this.ci) this.emit({ event: 'phase-end', phase: name, durationMs: Math.round(ms) });
    else this.out(`✔ ${name} (${(ms / 1000).toFixed(1)} s)\n`);
  }

  /** A line from the engine (k6's progress line), passed through unchanged but scrubbed. */
  engineLine(line: string): void {
    if (this.ci) return;
    this.out(scrub(`  ${line.trimEnd()}\n`));
  }

  /** Elapsed and, when the phase knows its length, remaining time of the load phase. */
  loadTick(elapsedMs: number, totalMs?: number): void {
    const remaining =
      totalMs === undefined
        ? ''
        : `, at most ${Math.max(0, Math.round((totalMs - elapsedMs) / 1000))} s remaining`;
    if (this.ci)
      this.emit({
        event: 'load-progress',
        elapsedMs: Math.round(elapsedMs),
        ...(totalMs === undefined ? {} : { totalMs }),
      });
    else this.out(`  load: ${Math.round(elapsedMs / 1000)} s elapsed${remaining}\n`);
  }

  note(text: string): void {
    if (this.ci) this.emit({ event: 'note', text });
    else this.out(scrub(`  ${text}\n`));
  }

  emit(event: Record<string, unknown>): void {
    this.out(`${scrub(JSON.stringify(event))}\n`);
  }
}

import { scrub } from '../../secrets/index.js';

/**
 * The main job's console: readable lines for people, or with --ci one JSON
 * object per line ({"event": …}) for machines. Everything passes the scrubber.
 */
export class Progress {
  private current: { name: string; started: number } | undefined;

  constructor(
    private readonly ci: boolean,
    private readonly out: (text: string) => void = (t) => process.stdout.write(t),
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Starts a phase, closing the previous one with its own duration. */
  phase(name: string, detail = ''): void {
    this.end();
    this.current = { name, started: this.now() };
    if (this.ci) this.emit({ event: 'phase', phase: name, ...(detail === '' ? {} : { detail }) });
    else this.out(scrub(`▶ ${name}${detail === '' ? '' : `  ${detail}`}\n`));
  }

  /** Closes the running phase: "✔ verify  5.2 s" (--ci: a phase-end event with durationMs). */
  end(outcome = 'done'): void {
    if (this.current === undefined) return;
    const ms = Math.round(this.now() - this.current.started);
    if (this.ci) this.emit({ event: 'phase-end', phase: this.current.name, outcome, durationMs: ms });
    else
      this.out(
        `${outcome === 'done' ? '✔' : '✖'} ${this.current.name}  ${(ms / 1000).toFixed(1)} s${outcome === 'done' ? '' : ` (${outcome})`}\n`,
      );
    this.current = undefined;
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

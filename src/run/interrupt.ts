export type StopSignal = 'SIGINT' | 'SIGTERM';

/** The shell's convention: 128 + the signal's number. */
export const SIGNAL_EXIT_CODE: Readonly<Record<StopSignal, number>> = { SIGINT: 130, SIGTERM: 143 };

export interface InterruptWatch {
  /** The first signal received, if any. */
  readonly received: StopSignal | undefined;
  /** Resolves with the first signal; never rejects. */
  readonly next: Promise<StopSignal>;
  /** Restores the default behaviour (the process dies on the next signal). */
  dispose(): void;
}

/**
 * Turns SIGINT/SIGTERM into a state the main job checks, so it can stop the engine
 * gracefully and still write what was measured. A second signal means "now": the process
 * exits at once with the signal's code (after the other listeners, e.g. the engine
 * forwarder, have run).
 */
export function watchInterrupts(
  onForcedExit: (signal: StopSignal) => void = () => undefined,
): InterruptWatch {
  let received: StopSignal | undefined;
  let resolveNext: (signal: StopSignal) => void = () => undefined;
  const next = new Promise<StopSignal>((resolve) => {
    resolveNext = resolve;
  });
  const handler = (signal: NodeJS.Signals): void => {
    const s: StopSignal = signal === 'SIGTERM' ? 'SIGTERM' : 'SIGINT';
    if (received !== undefined) {
      onForcedExit(s);
      setImmediate(() => process.exit(SIGNAL_EXIT_CODE[s]));
      return;
    }
    received = s;
    resolveNext(s);
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    get received() {
      return received;
    },
    next,
    dispose() {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

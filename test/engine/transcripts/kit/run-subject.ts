import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Observation, observe } from './observe.js';
import { type EngineName, argsFor, outputPaths, runEngineChild } from './run-engine.js';
import { type Stage, startStage } from './stage.js';
import type { Prepared, Subject } from './subjects.js';
import { templatize } from './templatize.js';

/** A run's command line and __ENV, live and as placeholders (what a transcript stores). */
export interface Command {
  readonly args: string[];
  readonly env: Record<string, string>;
  readonly shown: { readonly args: string[]; readonly env: Record<string, string> };
  readonly vars: Record<string, string>;
}

export function commandFor(subject: Subject, script: string, stage: Stage, work: string): Command {
  const vars = { ...stage.vars, SCRIPT: script };
  const args = argsFor(subject, script, stage.env, work);
  return {
    args,
    env: stage.env,
    vars,
    shown: {
      // `-e K=V`: the value is templatized on its own (a bare port is replaced only as a whole value).
      args: args.map((a) =>
        a.replace(
          /^(\w+=)?(.*)$/s,
          (_m, k: string | undefined, v: string) => `${k ?? ''}${templatize(v, vars)}`,
        ),
      ),
      env: Object.fromEntries(Object.entries(stage.env).map(([k, v]) => [k, templatize(v, vars)])),
    },
  };
}

export interface SubjectRun {
  readonly observed: Observation;
  readonly args: string[];
  readonly env: Record<string, string>;
}

/**
 * One run of a subject on an engine, against a fresh server of its own: the conformance
 * loopback server or the embedded reference. Bounded by RUN_TIMEOUT_MS; leaves nothing behind.
 */
export async function runSubject(
  engine: EngineName,
  subject: Subject,
  prepared: Prepared,
): Promise<SubjectRun> {
  const work = mkdtempSync(join(tmpdir(), `transcript-${engine}-`));
  const stage = await startStage(subject.kind, work);
  try {
    const command = commandFor(subject, prepared.script, stage, work);
    // Conformance scripts get their variables with -e; a bundle reads its own (key included) from the environment.
    const out = await runEngineChild(engine, command.args, subject.kind === 'scenario' ? command.env : {});
    const observed = observe(out, outputPaths(work), command.vars, readFileSync(prepared.script, 'utf8'));
    return { observed, ...command.shown };
  } finally {
    await stage.close();
    rmSync(work, { recursive: true, force: true });
  }
}

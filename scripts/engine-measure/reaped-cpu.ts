import { readFileSync } from 'node:fs';

/**
 * The CPU seconds of the children a `sh` wrapper reaped, from the copy of its own /proc/PID/stat
 * it wrote on the way out (`cat /proc/$$/stat > FILE`): cutime + cstime, the 16th and 17th fields,
 * count the engine's CPU exactly, init and teardown included (Linux; CLK_TCK is 100).
 */
export function reapedCpuSeconds(statFile: string): number {
  // Fields after the command name, which may hold spaces: cutime and cstime are then at 13 and 14.
  const fields = (readFileSync(statFile, 'utf8').split(') ')[1] ?? '').split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

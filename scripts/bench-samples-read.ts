// Child of `npm run bench:samples`: reads one samples file with one reader in a fresh process and
// prints {samples, seconds, peakRssMb} as JSON, so each reader's peak RSS is its own. Reader "floor":
// gunzip and split lines only — what no reader can beat on this machine at this moment.
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { readAggregates, readSamples } from '../src/compare/index.js';

async function floor(file: string): Promise<number> {
  const input = createReadStream(file, { highWaterMark: 1 << 20 }).pipe(createGunzip({ chunkSize: 1 << 20 }));
  input.setEncoding('utf8');
  let lines = 0;
  for await (const chunk of input as AsyncIterable<string>)
    for (let i = chunk.indexOf('\n'); i >= 0; i = chunk.indexOf('\n', i + 1)) lines += 1;
  return lines;
}

const [file = '', reader = 'stream'] = process.argv.slice(2);
const started = process.hrtime.bigint();
const cpu0 = process.cpuUsage();
const samples =
  reader === 'floor'
    ? await floor(file)
    : reader === 'raw'
      ? (await readSamples(file)).points.length
      : (await readAggregates(file)).points;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
// All threads (zlib inflates on the threadpool): what the read costs whatever else runs on the machine.
const used = process.cpuUsage(cpu0);
const cpuSeconds = (used.user + used.system) / 1e6;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ samples, seconds, cpuSeconds, peakRssMb })}\n`);

// Child of `npm run bench:samples`: reads one samples file with one reader in a fresh process and
// prints {samples, seconds, peakRssMb} as JSON, so each reader's peak RSS is its own.
import { readAggregates, readSamples } from '../src/compare/index.js';

const [file = '', reader = 'stream'] = process.argv.slice(2);
const started = process.hrtime.bigint();
const samples =
  reader === 'raw' ? (await readSamples(file)).points.length : (await readAggregates(file)).points;
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(`${JSON.stringify({ samples, seconds, peakRssMb })}\n`);

// `npm run bench:shards` (a benchmark, not a test): the achieved iterations/s of `harness load
// --shards 1` vs `--shards 2` (and more with --shards-max), on the local engine (and on real k6
// when K6_BIN is set), in interleaved rounds, with the machine's core count. The scenario is
// sync-latency (every response validated) under constant-vus: a closed model, so what the
// engine processes can push is what is measured. The target is a canned-answer stub (node:http
// in this process, which is idle while the engines run) serving the embedded reference's own
// answer to the fast workflow, recorded once: cheaper than any engine, so it is not the bottleneck.
// Flags: --vus N (100) --seconds S (8) --rounds R (2) --shards-max N (2).
import { createServer } from 'node:http';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type LoadConfig, buildScenarios, runLoad } from '../src/load/index.js';
import { endpointUrl, startEmbedded } from '../src/target/index.js';

const { values } = parseArgs({
  options: {
    vus: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '8' },
    rounds: { type: 'string', default: '2' },
    'shards-max': { type: 'string', default: '2' },
  },
});
const vus = Number(values.vus);
const seconds = Number(values.seconds);
const rounds = Number(values.rounds);
const shardCounts = Array.from({ length: Number(values['shards-max']) }, (_, i) => i + 1);
const engines: LoadConfig['engine'][] = process.env.K6_BIN ? ['local', 'k6'] : ['local'];

await buildScenarios({ names: ['sync-latency'] });
const reference = await startEmbedded({ timeScale: 0.001, faults: [], seed: 1 });
const key = reference.keys.main;
const fast = reference.profile.workflows.fast;
const recorded = await fetch(endpointUrl(reference.profile, 'executeWorkflow'), {
  method: 'POST',
  headers: { 'content-type': 'application/json', 'x-api-key': key },
  body: JSON.stringify({ workflowId: fast.workflowId, version: fast.version, input: fast.sampleInput }),
});
const answer = await recorded.text();
if (recorded.status !== 200) throw new Error(`the reference answered ${recorded.status}: ${answer}`);
const stub = createServer((req, res) => {
  req.resume();
  req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(answer));
});
await new Promise<void>((ok) => stub.listen(0, '127.0.0.1', ok));
const address = stub.address();
const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
const target = { ...reference, profile: { ...reference.profile, baseUrl } };
const reportsDir = mkdtempSync(join(tmpdir(), 'bench-shards-'));

interface Row {
  engine: string;
  shards: number;
  itPerS: number[];
  wallS: number[];
}
const rows: Row[] = engines.flatMap((engine) =>
  shardCounts.map((shards) => ({ engine, shards, itPerS: [], wallS: [] })),
);
try {
  for (let round = 0; round < rounds; round += 1)
    for (const row of rows) {
      const started = performance.now();
      const result = await runLoad(
        {
          timeScale: 0.001,
          faults: [],
          seed: 1,
          engine: row.engine as LoadConfig['engine'],
          loadProfile: 'smoke',
          reportsDir,
          ci: true,
          maxCredits: 'unlimited',
        },
        {
          scenario: 'sync-latency',
          shards: row.shards,
          target,
          extraEnv: {
            HARNESS_EXECUTOR: JSON.stringify({ executor: 'constant-vus', vus, duration: `${seconds}s` }),
          },
          log: () => undefined,
          onEngineOutput: () => undefined,
        },
      );
      const wall = (performance.now() - started) / 1000;
      const iterations = result.summary?.metrics.find((m) => m.name === 'iterations')?.values.count ?? 0;
      // A crossed latency limit is information here (a loaded machine answers late), not a failure.
      const crossed = result.run.thresholds.filter((t) => !t.ok).map((t) => `${t.metric} ${t.expression}`);
      if (result.exitCode !== 0)
        console.error(
          `  exit ${result.exitCode}${crossed.length > 0 ? `: crossed ${crossed.join(', ')}` : ''}`,
        );
      row.itPerS.push(iterations / seconds);
      row.wallS.push(wall);
      console.error(
        `round ${round + 1}/${rounds} ${row.engine} --shards ${row.shards}: ${Math.round(iterations / seconds)} it/s, ${wall.toFixed(1)} s wall`,
      );
    }
} finally {
  stub.close();
  await reference.stop();
  rmSync(reportsDir, { recursive: true, force: true });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(
  `\nbench:shards — sync-latency, constant-vus ${vus} VUs (split across the shards) for ${seconds} s, ${rounds} interleaved rounds; ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}); target: canned-answer stub (node:http, the reference's recorded fast answer)\n`,
);
console.log('| engine | shards | iterations/s (median) | range | wall time (median) | vs 1 shard |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) {
  const one = rows.find((r) => r.engine === row.engine && r.shards === 1)!;
  const it = median(row.itPerS);
  console.log(
    `| ${row.engine} | ${row.shards} | ${Math.round(it)} | ${Math.round(Math.min(...row.itPerS))}–${Math.round(Math.max(...row.itPerS))} | ${median(row.wallS).toFixed(1)} s | ${(it / median(one.itPerS)).toFixed(2)}× |`,
  );
}

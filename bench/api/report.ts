import { loadAverage, median } from '../support';

/** What one timed run of one shape against one server gave. */
export interface Measurement {
  rps: number;
  p50: number;
  p99: number;
  /** CPU of the server process (every thread) per request, ms. */
  cpuPerRequest: number;
  /** CPU of the server's Postgres backends per request, ms (NaN when Postgres is not on this machine). */
  pgCpuPerRequest: number;
}

export interface Round {
  /** Load averages (1, 5, 15 min) at the round's start, then at its end. */
  load: number[];
  results: Map<string, Map<string, Measurement>>;
}

const fixed = (value: number, digits = 1) => (Number.isNaN(value) ? 'n/a' : value.toFixed(digits));
const loads = (load: number[]) => `${loadAverage(load.slice(0, 3))} → ${loadAverage(load.slice(3))}`;

function cells(m: Measurement | undefined): string {
  if (!m) return 'n/a';
  return `${fixed(m.rps)} req/s, p50 ${fixed(m.p50)} ms, p99 ${fixed(m.p99)} ms, CPU ${fixed(m.cpuPerRequest, 2)} ms/req (+${fixed(m.pgCpuPerRequest, 2)} in Postgres)`;
}

export function printRound(index: number, load: number[], results: Round['results'], ours: string, theirs: string): void {
  console.log(`\nround ${index} (load average ${loads(load)})`);
  for (const [shape, byServer] of results) {
    console.log(`  ${shape}`);
    console.log(`    ${ours.padEnd(15)} ${cells(byServer.get(ours))}`);
    console.log(`    ${theirs.padEnd(15)} ${cells(byServer.get(theirs))}`);
  }
}

/** The medians of the rounds, as the table. */
export function printSummary(
  rounds: Round[],
  statements: Map<string, [number, number]>,
  ours: string,
  theirs: string,
  setting: { archive: string; connections: number; seconds: number; pool: number },
): void {
  const of = (shape: string, server: string, pick: (m: Measurement) => number) =>
    median(rounds.map((round) => round.results.get(shape)?.get(server)).filter((m) => m !== undefined).map(pick));
  console.log(
    `\nmedians of ${rounds.length} rounds; ${setting.archive}; ${setting.connections} connections, ${setting.seconds} s per run, pool ${setting.pool}; ` +
      `load average per round: ${rounds.map((round) => loadAverage(round.load.slice(0, 1))).join(', ')}\n`,
  );
  console.log(`| query | ${ours} req/s | ${theirs} req/s | ratio | ${ours} p50 / p99 ms | ${theirs} p50 / p99 ms | ` +
    `${ours} CPU ms/req (+Postgres) | ${theirs} CPU ms/req (+Postgres) | statements/req (${ours} / ${theirs}) |`);
  console.log('|---|---|---|---|---|---|---|---|---|');
  for (const shape of rounds[0]?.results.keys() ?? []) {
    const rps = [of(shape, ours, (m) => m.rps), of(shape, theirs, (m) => m.rps)];
    const latency = (server: string) => `${fixed(of(shape, server, (m) => m.p50))} / ${fixed(of(shape, server, (m) => m.p99))}`;
    const cpu = (server: string) => `${fixed(of(shape, server, (m) => m.cpuPerRequest), 2)} (+${fixed(of(shape, server, (m) => m.pgCpuPerRequest), 2)})`;
    const [ourStatements, theirStatements] = statements.get(shape) ?? [NaN, NaN];
    console.log(`| ${shape} | ${fixed(rps[0])} | ${fixed(rps[1])} | ${fixed(rps[0] / rps[1], 2)} | ${latency(ours)} | ${latency(theirs)} | ` +
      `${cpu(ours)} | ${cpu(theirs)} | ${fixed(ourStatements, 1)} / ${fixed(theirStatements, 1)} |`);
  }
}

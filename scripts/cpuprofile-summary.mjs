// Summarises a V8 CPU profile (node --cpu-prof) by function: self time, and time
// including callees, over the samples whose stack holds none of the functions left out.
// Usage: node scripts/cpuprofile-summary.mjs FILE.cpuprofile [--top N] [--without name,name]
// Example: node --cpu-prof --cpu-prof-dir=prof dist/bench/import.bench.js --case real-shaped
//          (one profile per thread: the main thread writes, the planning thread parses and tags)
import console from 'node:console';
import fs from 'node:fs';
import process from 'node:process';
import { parseArgs } from 'node:util';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { top: { type: 'string', default: '30' }, without: { type: 'string', default: '' } },
});
if (positionals.length !== 1) {
  console.error('usage: node scripts/cpuprofile-summary.mjs FILE.cpuprofile [--top N] [--without name,name]');
  process.exit(1);
}
const profile = JSON.parse(fs.readFileSync(positionals[0], 'utf8'));
const without = new Set(values.without.split(',').filter(Boolean));
const top = Number(values.top);

const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const parents = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
const label = ({ callFrame: frame }) =>
  `${frame.functionName || '(anonymous)'} ${frame.url.replace(/^.*?\/(dist|node_modules)\//, '$1/')}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;

// Microseconds spent with each node on top of the stack.
const selfTime = new Map();
profile.samples.forEach((id, index) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0)));

const self = new Map();
const inclusive = new Map();
let busy = 0;
for (const [id, time] of selfTime) {
  const stack = [];
  for (let at = id; at !== undefined; at = parents.get(at)) stack.push(nodes.get(at));
  if (stack[0].callFrame.functionName === '(idle)' || stack.some((node) => without.has(node.callFrame.functionName))) continue;
  busy += time;
  self.set(label(stack[0]), (self.get(label(stack[0])) ?? 0) + time);
  // A recursive function counts once per sample.
  for (const name of new Set(stack.map(label))) inclusive.set(name, (inclusive.get(name) ?? 0) + time);
}

function print(title, times) {
  console.log(`== ${title} (busy ${(busy / 1e3).toFixed(0)} ms)`);
  for (const [name, time] of [...times].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`${(time / 1e3).toFixed(0).padStart(8)} ms ${((100 * time) / busy).toFixed(1).padStart(5)}%  ${name}`);
  }
}
print('self time', self);
print('including callees', inclusive);

/**
 * Probes: links the project wrote itself (eval/probes.jsonl: title, summary, domain and the right tags, judged
 * by the guidelines of eval/README.md), to check the topic rules on wording the corpus never used.
 */
import fs from 'node:fs';
import { matchTopics } from '../content/taxonomy';
import { topicReport } from './evaluate';

interface Probe {
  title: string;
  summary: string;
  domain: string;
  tags: string[];
}

export function evaluateProbes(file: string, errors: boolean): string[] {
  const probes = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .flatMap((line, index) => {
      if (line.trim() === '') return [];
      const probe = JSON.parse(line) as Probe;
      if (typeof probe.title !== 'string' || !Array.isArray(probe.tags)) throw new Error(`${file}:${index + 1}: each line needs "title" and "tags"`);
      return [{ ...probe, line: index + 1 }];
    });
  const pairs = probes.map((probe) => ({ id: `probes.jsonl:${probe.line} ${probe.title}`, judged: probe.tags, derived: matchTopics(probe) }));
  return [`Probes written for the rules (${file})`, ...topicReport(pairs, errors)];
}

/**
 * The items of a corpus issue in reading order, each with what the importer's
 * planner derives for it, so hand judgments keyed by (file, item position) can
 * be compared with the rules.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildIssue } from '../import/issue.builder';
import { planIssue, PlannedLink, PlannedPlacement } from '../import/issue.plan';
import { isPlacementItem } from '../import/item.builder';
import { readMarkdownIssue } from '../import/markdown/markdown.parser';

export interface CorpusItem {
  /** Path under the corpus folder, with `/`: `tldr/ai/2024-05-17.md`. */
  file: string;
  /** 0-based position among all `[### ...](...)` item lines of the file, in reading order. */
  item: number;
  /** Title of the named section holding the item; null for the unnamed block at the top. */
  section: string | null;
  /** A sponsor block at the top (a placement) rather than a link. */
  placement: boolean;
  /** What the planner made of it: a link, or a placement with no tags. */
  planned: PlannedLink | PlannedPlacement;
}

/** Issue files under the corpus folder (`tldr/<newsletter>/<date>.md`), sorted. */
export function corpusFiles(corpusDir: string): string[] {
  const found: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of fs.readdirSync(path.join(corpusDir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else if (entry.name.endsWith('.md') && child.includes('/')) found.push(child);
    }
  };
  walk('');
  return found.sort();
}

/** Every item of one issue file, numbered in reading order. */
export function corpusItems(corpusDir: string, file: string): CorpusItem[] {
  const raw = readMarkdownIssue(fs.readFileSync(path.join(corpusDir, file), 'utf8'));
  const plan = planIssue(buildIssue(raw, {}));
  const named = plan.sections.filter((section) => section.title !== null);
  const topLinks = plan.sections.find((section) => section.title === null)?.links ?? [];
  const items: CorpusItem[] = [];
  let placements = 0;
  let links = 0;
  for (const rawItem of raw.topItems) {
    const placement = isPlacementItem(rawItem);
    const planned = placement ? plan.placements[placements++] : topLinks[links++];
    items.push({ file, item: items.length, section: null, placement, planned });
  }
  raw.sections.forEach((section, index) => {
    for (const planned of named[index].links) {
      items.push({ file, item: items.length, section: section.title, placement: false, planned });
    }
  });
  return items;
}

/** The planned link of an item, or null for a placement. */
export function plannedLink(item: CorpusItem): PlannedLink | null {
  return item.placement ? null : (item.planned as PlannedLink);
}

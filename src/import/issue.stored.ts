import type { QueryRunner } from 'typeorm';
import type { IssuePlan, PlannedSection } from './issue.plan';
import type { LinkKind } from './parsed-issue';
import type { StoredTagOverride } from '../modules/tag/taxonomy-tags';

/** The editors' tag decisions on the link aliased `l`, as a JSON array of StoredTagOverride. */
export const OVERRIDES_OF_LINK = `COALESCE((SELECT json_agg(json_build_object('tagId', o.tag_id, 'slug', t.slug, 'included', o.included))
  FROM link_tag_override o JOIN tag t ON t.id = o.tag_id WHERE o.link_id = l.id), '[]')`;

/** A stored issue in the planner's shape, with the ids of its rows, for comparing and rewriting. */
export interface StoredPlan extends IssuePlan {
  issueId: number;
  version: number;
  /** The version the last import left; null for an issue an editor created. */
  importedVersion: number | null;
  sectionIds: number[];
  linkIds: number[][];
  /** Editors' tag decisions per link, parallel to `linkIds`. */
  linkOverrides: StoredTagOverride[][][];
}

interface SectionRow {
  id: number;
  title: string | null;
  emoji: string | null;
  category_slug: string | null;
  category_name: string | null;
}

interface LinkRow {
  id: number;
  section_id: number;
  title: string;
  url: string;
  canonical_url: string;
  domain: string;
  summary: string;
  summary_text: string;
  read_time_label: string | null;
  read_minutes: number | null;
  kind: LinkKind;
  sponsored: boolean;
  sponsor_domain: string | null;
  sponsor_name: string | null;
  tags: string[];
  overrides: StoredTagOverride[];
}

interface PlacementRow {
  title: string;
  body: string;
  url: string;
  domain: string;
  name: string;
}

/** Locks the stored issue of `plan`'s newsletter and date, and reads it back as a plan. */
export async function loadStoredPlan(runner: QueryRunner, newsletterId: number, plan: IssuePlan): Promise<StoredPlan> {
  const [issue]: Array<{ id: number; headline: string; version: number; imported_version: number | null }> = await runner.query(
    'SELECT id, headline, version, imported_version FROM issue WHERE newsletter_id = $1 AND date = $2::date FOR UPDATE',
    [newsletterId, plan.date],
  );
  const issueId = Number(issue.id);
  const sectionRows: SectionRow[] = await runner.query(
    `SELECT s.id, s.title, s.emoji, c.slug AS category_slug, c.name AS category_name
       FROM section s LEFT JOIN category c ON c.id = s.category_id
      WHERE s.issue_id = $1 ORDER BY s.position`,
    [issueId],
  );
  const linkRows: LinkRow[] = await runner.query(
    `SELECT l.*, s.id AS section_id, sp.domain AS sponsor_domain, sp.name AS sponsor_name,
            ARRAY(SELECT t.slug FROM link_tag lt JOIN tag t ON t.id = lt.tag_id
                   WHERE lt.link_id = l.id ORDER BY t.slug COLLATE "C") AS tags,
            ${OVERRIDES_OF_LINK} AS overrides
       FROM link l JOIN section s ON s.id = l.section_id LEFT JOIN sponsor sp ON sp.id = l.sponsor_id
      WHERE s.issue_id = $1 ORDER BY s.position, l.position`,
    [issueId],
  );
  const placementRows: PlacementRow[] = await runner.query(
    `SELECT p.title, p.body, p.url, sp.domain, sp.name FROM sponsor_placement p JOIN sponsor sp ON sp.id = p.sponsor_id
      WHERE p.issue_id = $1 ORDER BY p.position`,
    [issueId],
  );
  const sections: PlannedSection[] = sectionRows.map((row) => ({
    title: row.title,
    emoji: row.emoji,
    category: row.category_slug ? { slug: row.category_slug, name: row.category_name ?? row.category_slug } : null,
    links: [],
  }));
  const linkIds: number[][] = sections.map(() => []);
  const linkOverrides: StoredTagOverride[][][] = sections.map(() => []);
  const sectionIndex = new Map(sectionRows.map((row, index) => [row.id, index]));
  for (const row of linkRows) {
    const index = sectionIndex.get(row.section_id) as number;
    sections[index].links.push({
      title: row.title,
      url: row.url,
      canonicalUrl: row.canonical_url,
      domain: row.domain,
      summary: row.summary,
      summaryText: row.summary_text,
      readTimeLabel: row.read_time_label,
      readMinutes: row.read_minutes,
      kind: row.kind,
      sponsored: row.sponsored,
      sponsor: row.sponsor_domain ? { domain: row.sponsor_domain, name: row.sponsor_name ?? row.sponsor_domain } : null,
      tags: row.tags,
    });
    linkIds[index].push(Number(row.id));
    linkOverrides[index].push(row.overrides);
  }
  return {
    issueId,
    version: issue.version,
    importedVersion: issue.imported_version,
    sectionIds: sectionRows.map((row) => Number(row.id)),
    linkIds,
    linkOverrides,
    newsletter: plan.newsletter,
    date: plan.date,
    headline: issue.headline,
    sections,
    placements: placementRows.map((row) => ({
      title: row.title,
      body: row.body,
      url: row.url,
      sponsor: { domain: row.domain, name: row.name },
    })),
  };
}

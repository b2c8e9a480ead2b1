import type { GraphQLResolveInfo } from 'graphql';
import type { Context } from '../context';
import type { Keyed } from '../db/hydrate';
import type { Issue } from '../modules/issue/issue.entity';
import type { NeighbourSide } from '../modules/issue/issue.service';
import type { Link } from '../modules/link/link.entity';
import type { Section } from '../modules/section/section.entity';
import type { SponsorPlacement } from '../modules/sponsor/sponsor-placement.entity';
import { ReadAhead, Relation, Relations, RelationValue } from './prefetch';

/**
 * The relations the read path reads ahead (prefetch.ts), each through the
 * service method its loader calls, with the same viewer and scope: the answer
 * is the one the loader would give, loaded for a whole level at once.
 */

type WithId = { id: number };

/** For each parent, its children (in the order the service returned them), by the parent's id. */
function grouped(parents: readonly object[], rows: ReadonlyArray<Keyed<object>>): RelationValue[] {
  const groups = new Map<number, object[]>();
  for (const { key, value } of rows) {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(value);
  }
  return parents.map((parent) => groups.get((parent as WithId).id) ?? []);
}

/** For each parent, the first of its children or null (neighbours, the issue of a link). */
function first(parents: readonly object[], rows: ReadonlyArray<Keyed<object>>): RelationValue[] {
  return grouped(parents, rows).map((group) => (group as object[])[0] ?? null);
}

/** The object each parent's foreign key `key` names, loaded once per distinct key by `load`. */
function byKey<P>(key: keyof P & string, load: (ids: number[], fields: ReadonlySet<string>, context: Context) => Promise<WithId[]>): Relation<Context> {
  return async (parents, fields, context) => {
    const ids = [...new Set(parents.map((parent) => (parent as P)[key] as number | null).filter((id): id is number => id !== null))];
    const rows = ids.length ? await load(ids, fields, context) : [];
    const byId = new Map(rows.map((row) => [row.id, row]));
    return parents.map((parent) => byId.get((parent as P)[key] as number) ?? null);
  };
}

const ids = (parents: readonly object[]) => parents.map((parent) => (parent as WithId).id);

/** The neighbours asked of one level's issues: the sides and fields of every neighbour relation, read together. */
interface NeighbourBatch {
  sides: Set<NeighbourSide>;
  fields: Set<string>;
  rows: Promise<Array<Keyed<Issue & { side: NeighbourSide }>>>;
}

const neighbourBatches = new WeakMap<readonly object[], NeighbourBatch>();

/**
 * `previous` or `next`. Both are started in the same turn for the same
 * parents (prefetch.ts starts a level's relations together), so the first
 * waits a microtask for the other and one statement reads both sides.
 */
function neighbour(side: NeighbourSide): Relation<Context> {
  return async (parents, fields, { services, viewer }) => {
    let batch = neighbourBatches.get(parents);
    if (!batch) {
      const sides = new Set<NeighbourSide>();
      const asked = new Set<string>();
      const rows = Promise.resolve().then(() => services.issues.neighbours(ids(parents), [...sides], viewer.scope, asked));
      batch = { sides, fields: asked, rows };
      neighbourBatches.set(parents, batch);
    }
    batch.sides.add(side);
    for (const field of fields) batch.fields.add(field);
    const rows = await batch.rows;
    return first(
      parents,
      rows.filter((row) => row.value.side === side),
    );
  };
}

export const RELATIONS: Relations<Context> = {
  Issue: {
    newsletter: byKey<Issue>('newsletterId', (keys, fields, { services }) => services.newsletters.byIds(keys, fields)),
    sections: async (parents, fields, { services, viewer }) => grouped(parents, await services.sections.byIssueIds(ids(parents), viewer.scope, fields)),
    sponsorPlacements: async (parents, fields, { services, viewer }) =>
      grouped(parents, await services.sponsors.placementsByIssueIds(ids(parents), viewer.scope, fields)),
    links: async (parents, fields, { services, viewer }) => grouped(parents, await services.links.byIssueIds(ids(parents), viewer.scope, fields)),
    tags: async (parents, fields, { services, viewer }) => grouped(parents, await services.tags.byIssueIds(ids(parents), viewer.scope, fields)),
    previous: neighbour('previous'),
    next: neighbour('next'),
  },
  Section: {
    links: async (parents, fields, { services, viewer }) => grouped(parents, await services.links.bySectionIds(ids(parents), viewer.scope, fields)),
    category: byKey<Section>('categoryId', (keys, fields, { services }) => services.categories.byIds(keys, fields)),
    issue: byKey<Section>('issueId', (keys, fields, { services, viewer }) => services.issues.byIds(keys, viewer, fields)),
  },
  Link: {
    tags: async (parents, fields, { services }) => grouped(parents, await services.tags.byLinkIds(ids(parents), fields)),
    sponsor: byKey<Link>('sponsorId', (keys, fields, { services }) => services.sponsors.byIds(keys, fields)),
    section: byKey<Link>('sectionId', (keys, fields, { services, viewer }) => services.sections.byIds(keys, viewer.scope, fields)),
    issue: async (parents, fields, { services, viewer }) => first(parents, await services.issues.byLinkIds(ids(parents), viewer, fields)),
  },
  SponsorPlacement: {
    sponsor: byKey<SponsorPlacement>('sponsorId', (keys, fields, { services }) => services.sponsors.byIds(keys, fields)),
    issue: byKey<SponsorPlacement>('issueId', (keys, fields, { services, viewer }) => services.issues.byIds(keys, viewer, fields)),
  },
};

/** Reads ahead, for the root field being resolved, every relation of `items` the query asks for (prefetch.ts). */
export function readAhead(info: GraphQLResolveInfo, context: Context, items: readonly object[]): Promise<void> {
  return new ReadAhead(RELATIONS, info, context.prefetched, context).run(items);
}

/** A root list's page, once the relations of its nodes the query asks for are read ahead. */
export async function withReadAhead<P extends { edges: ReadonlyArray<{ node: object }> }>(info: GraphQLResolveInfo, context: Context, page: P): Promise<P> {
  await readAhead(info, context, page.edges.map((edge) => edge.node));
  return page;
}

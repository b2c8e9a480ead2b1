import DataLoader from 'dataloader';
import type { Keyed } from '../db/hydrate';
import { Turns } from '../limits/turns';
import type { Page } from './pagination';

/** The Turns of the request whose loaders are being built (see `withTurns`). */
let building: Turns | null = null;

/** Builds a request's loaders so that they share `turns`: big batches are handed out a slice per turn of the event loop. */
export function withTurns<T>(turns: Turns, build: () => T): T {
  building = turns;
  try {
    return build();
  } finally {
    building = null;
  }
}

/** A DataLoader on the Turns of the request being built (or on its own outside one). */
function loader<K, V>(batch: (keys: readonly K[]) => Promise<V[]>, size?: (value: V) => number): DataLoader<K, V> {
  const turns = building ?? new Turns();
  return new DataLoader<K, V>(async (keys) => turns.spread(await batch(keys), size) as V[], {
    batchScheduleFn: turns.schedule,
  });
}

/**
 * A per-request loader returning, for each parent id, its rows in the order
 * the query produced them: one SQL statement per batch.
 */
export function groupLoader<T>(fetch: (keys: readonly number[]) => Promise<Array<Keyed<T>>>): DataLoader<number, T[]> {
  return loader(async (keys: readonly number[]) => groupByKey(keys, await fetch(keys)), (rows) => rows.length);
}

/** Rows grouped by their parent id, one list per key in key order (empty for a key without rows). */
export function groupByKey<T>(keys: readonly number[], rows: Array<Keyed<T>>): T[][] {
  const groups = new Map<number, T[]>(keys.map((key) => [key, []]));
  for (const { key, value } of rows) groups.get(key)?.push(value);
  return keys.map((key) => groups.get(key) ?? []);
}

/** A per-request loader of single rows by id; a missing (or hidden) row loads as null. */
export function idLoader<T extends { id: number }>(
  fetch: (ids: readonly number[]) => Promise<T[]>,
): DataLoader<number, T | null> {
  return loader(async (ids: readonly number[]) => {
    const byId = new Map((await fetch(ids)).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** A per-request loader of one number per id (counts); ids without a row load as 0. */
export function countLoader(fetch: (ids: readonly number[]) => Promise<Array<{ id: number; n: number }>>) {
  return loader<number, number>(async (ids) => {
    const byId = new Map((await fetch(ids)).map(({ id, n }) => [Number(id), n]));
    return ids.map((id) => byId.get(id) ?? 0);
  });
}

/** Arguments of one page of a nested list: how many, after which cursor. */
export interface PageArgs {
  first: number;
  after?: string | null;
}

const pageSize = <T>(page: Page<T>) => page.edges.length;

/**
 * Per-request loaders by id, one loader per distinct argument (told apart by
 * `keyOf`): ids asked for with the same argument share one statement.
 */
export function argumentLoader<A, V>(
  keyOf: (args: A) => string,
  fetch: (ids: readonly number[], args: A) => Promise<V[]>,
  size?: (value: V) => number,
) {
  const turns = building;
  const loaders = new Map<string, DataLoader<number, V>>();
  return (args: A): DataLoader<number, V> => {
    const key = keyOf(args);
    let found = loaders.get(key);
    if (!found) {
      // Built during execution, after `withTurns` returned: it joins the Turns of the request it was made for.
      found = withTurns(turns ?? new Turns(), () => loader((ids: readonly number[]) => fetch(ids, args), size));
      loaders.set(key, found);
    }
    return found;
  };
}

/**
 * Per-request loaders of one page per parent id, one loader per distinct page
 * arguments: a page of parents each asking for a page of children is one statement.
 */
export function pageLoader<T>(fetch: (ids: readonly number[], args: PageArgs) => Promise<Array<Page<T>>>) {
  return argumentLoader((args: PageArgs) => `${args.first}:${args.after ?? ''}`, fetch, pageSize);
}

/** A canonical text for argument values: object keys sorted, so equal arguments give equal keys. */
function stableKey(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableKey).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, item]) => item !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([name, item]) => `${JSON.stringify(name)}:${stableKey(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/**
 * A per-request memo of root query calls: identical calls (same field, same
 * arguments), such as the same list asked for under 200 aliases, share one result.
 */
export function rootCallMemo() {
  const results = new Map<string, unknown>();
  return <T>(field: string, args: unknown, run: () => T): T => {
    const key = `${field}${stableKey(args)}`;
    if (!results.has(key)) results.set(key, run());
    return results.get(key) as T;
  };
}

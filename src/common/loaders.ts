import DataLoader from 'dataloader';
import type { Keyed } from '../db/hydrate';

/**
 * A per-request loader returning, for each parent id, its rows in the order
 * the query produced them: one SQL statement per batch.
 */
export function groupLoader<T>(fetch: (keys: readonly number[]) => Promise<Array<Keyed<T>>>): DataLoader<number, T[]> {
  return new DataLoader(async (keys) => {
    const groups = new Map<number, T[]>(keys.map((key) => [key, []]));
    for (const { key, value } of await fetch(keys)) groups.get(key)?.push(value);
    return keys.map((key) => groups.get(key) ?? []);
  });
}

/** A per-request loader of single rows by id; a missing (or hidden) row loads as null. */
export function idLoader<T extends { id: number }>(
  fetch: (ids: readonly number[]) => Promise<T[]>,
): DataLoader<number, T | null> {
  return new DataLoader(async (ids) => {
    const byId = new Map((await fetch(ids)).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** A per-request loader of one number per id (counts); ids without a row load as 0. */
export function countLoader(fetch: (ids: readonly number[]) => Promise<Array<{ id: number; n: number }>>) {
  return new DataLoader<number, number>(async (ids) => {
    const byId = new Map((await fetch(ids)).map(({ id, n }) => [Number(id), n]));
    return ids.map((id) => byId.get(id) ?? 0);
  });
}

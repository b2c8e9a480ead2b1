import { BadUserInputError } from '../common/errors';

type Changes = Record<string, { before: unknown; after: unknown }>;

/** The audit changes of a new entity: every field that has a value, from null. */
export function createdFields(fields: Record<string, unknown>): Changes {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([field, value]) => [field, { before: null, after: value }]),
  );
}

/** The audit changes of a deleted entity: every field that had a value, to null. */
export function deletedFields(fields: Record<string, unknown>): Changes {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([, value]) => value !== null && value !== undefined)
      .map(([field, value]) => [field, { before: value, after: null }]),
  );
}

/** Refuses a position outside 0..`last`, naming the field. */
export function checkPosition(position: number, last: number, field = 'position'): void {
  if (position > last) {
    throw new BadUserInputError(`${field} must be between 0 and ${last}, got ${position}.`, { field });
  }
}

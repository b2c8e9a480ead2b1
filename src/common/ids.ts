import { BadUserInputError } from './errors';

const MAX_ID = 2 ** 31 - 1;

/** A GraphQL ID argument as the integer key it stands for; anything else is BAD_USER_INPUT naming the field. */
export function parseId(raw: string | number, field: string): number {
  const text = String(raw);
  const id = Number(text);
  if (!/^\d{1,10}$/.test(text) || id < 1 || id > MAX_ID) {
    throw new BadUserInputError(`${field} must be the id of an existing record, got ${JSON.stringify(text.slice(0, 40))}.`, { field });
  }
  return id;
}

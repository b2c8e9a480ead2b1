import { registerEnumType } from 'type-graphql';

/** Chronological order of a list of issues or links. */
export enum DateOrder {
  NEWEST_FIRST = 'NEWEST_FIRST',
  OLDEST_FIRST = 'OLDEST_FIRST',
}

registerEnumType(DateOrder, { name: 'DateOrder' });

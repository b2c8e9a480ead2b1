import { IsOptional, Length, Max, Min } from './validation';
import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { BadUserInputError } from './errors';
import { quote } from './excerpt';
import { isIsoDate } from './scalars';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** A position in a keyset-ordered list: the sort key of the last row seen. */
export type CursorKey = ReadonlyArray<string | number>;

/**
 * Opaque cursors: base64url JSON of a tag naming the list and its order, then
 * the sort key; keyset positions stay valid while new rows arrive.
 */
export function encodeCursor(tag: string, key: CursorKey): string {
  return Buffer.from(JSON.stringify([tag, ...key])).toString('base64url');
}

/** What a cursor part may be: a calendar day, a 32-bit row id or position, a finite number (a rank), or free text. */
export type CursorPart = 'date' | 'int' | 'number' | 'text';

const INT4_MAX = 2 ** 31 - 1;

function validPart(part: unknown, kind: CursorPart): boolean {
  if (kind === 'int') return Number.isInteger(part) && Math.abs(part as number) <= INT4_MAX;
  if (kind === 'number') return typeof part === 'number' && Number.isFinite(part);
  if (typeof part !== 'string' || part.includes('\u0000')) return false;
  return kind === 'text' || isIsoDate(part);
}

export function decodeCursor(cursor: string, tag: string, shape: readonly CursorPart[]): CursorKey {
  const fail = (why: string): never => {
    throw new BadUserInputError(`Malformed cursor ${quote(cursor)}: ${why}.`, { argumentName: 'after' });
  };
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return fail('pass an endCursor returned by this list');
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string') return fail('pass an endCursor returned by this list');
  if (parsed[0] !== tag) return fail('it belongs to another list or another order');
  if (parsed.length !== shape.length + 1) return fail('pass an endCursor returned by this list');
  const key = parsed.slice(1) as unknown[];
  if (!key.every((part, index) => validPart(part, shape[index]))) fail('pass an endCursor returned by this list');
  return key as CursorKey;
}

@ArgsType()
export class ConnectionArgs {
  @Field(() => Int, { nullable: true, defaultValue: DEFAULT_PAGE_SIZE, description: `At most ${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first!: number;

  @Field(() => String, { nullable: true, description: 'The `endCursor` of the previous page.' })
  @IsOptional()
  @Length(1, 512)
  after?: string;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field()
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true })
  startCursor!: string | null;

  @Field(() => String, { nullable: true })
  endCursor!: string | null;
}

/** One page of a keyset query; `totalCount` runs its query only when the field is selected, and once. */
export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  pageInfo: PageInfo;
  readonly totalCount: Promise<number>;
}

const connectionTypes = new Map<string, { nodeType: ClassType; type: ClassType }>();

/**
 * Builds `<Name>Connection` and `<Name>Edge` types for a node type (Relay connection spec),
 * once per name, so that every list of the same nodes shares one type.
 */
export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  const built = connectionTypes.get(name);
  if (built && built.nodeType !== nodeType) throw new Error(`${name}Connection is already a connection of another type`);
  if (built) return built.type as ReturnType<typeof buildConnection<T>>;
  const type = buildConnection(nodeType, name);
  connectionTypes.set(name, { nodeType, type });
  return type;
}

function buildConnection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor!: string;

    @Field(() => nodeType)
    node!: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionType {
    @Field(() => [Edge])
    edges!: Edge[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int, { description: 'Rows matching the filter, across all pages.' })
    totalCount!: number;
  }
  return ConnectionType;
}

/**
 * What a page statement fetches: `first + 1` rounded up to one of a few sizes,
 * so named statements (src/db/statements.ts) do not multiply with `first`;
 * toPage drops the extra rows.
 */
const PAGE_LIMITS = [11, 21, 51, MAX_PAGE_SIZE + 1];

export function pageLimit(first: number): number {
  return PAGE_LIMITS.find((limit) => limit > first) ?? first + 1;
}

/** Turns rows fetched with at least one extra (to detect a next page) into a Page. */
export function toPage<T>(
  rows: T[],
  size: number,
  hasPrevious: boolean,
  cursorOf: (row: T) => string,
  totalCount: () => Promise<number>,
): Page<T> {
  const nodes = rows.slice(0, size);
  const edges = nodes.map((node) => ({ cursor: cursorOf(node), node }));
  let total: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: hasPrevious,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      total ??= totalCount();
      return total;
    },
  };
}

import pg from 'pg';
import type { DataSource } from 'typeorm';
import { afterPendingJobs } from '../limits/turns';
import type { Row } from './hydrate';

/**
 * Gathering reads. A read ahead (src/prefetch/) starts every relation of a
 * level in the same turn; each is a statement of its own, and each statement
 * costs its bind, execution, snapshot and locks in Postgres and its driver
 * work in node. Reads gathered in one turn are sent as one statement instead:
 * each becomes a subquery whose rows come back as a JSON array, and each
 * caller gets its own rows back, decoded as pg would have given them. A lone
 * read runs as it is.
 */

/** How a read's rows decode from JSON: the properties JSON holds as text that pg would parse (dates, timestamps). */
export interface JsonRows {
  parsed: ReadonlyArray<{ property: string; type: number }>;
}

/** Runs one statement and returns its rows (statements.ts: named, logged, under the deadline, errors coded). */
export type Runner = (dataSource: DataSource, sql: string, params: unknown[]) => Promise<Row[]>;

interface Part {
  dataSource: DataSource;
  sql: string;
  params: unknown[];
  rows: JsonRows;
  resolve: (rows: Row[]) => void;
  reject: (error: unknown) => void;
}

/** Placeholders (`$3`) outside quoted text and comments; quoted text and comments are matched only to be skipped. */
const PLACEHOLDERS = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\$(\d+)/g;

/** `sql` with each `$n` moved up by `offset`, to sit after the parameters of the parts before it. */
export function renumbered(sql: string, offset: number): string {
  if (!offset) return sql;
  return sql.replace(PLACEHOLDERS, (match, index: string | undefined) => (index === undefined ? match : `$${Number(index) + offset}`));
}

/**
 * One statement answering every part: a column per part holding its rows as a
 * JSON array, in the order its SQL gives them. Parts are sorted by text, so
 * that a query shape always sends the same statement (one prepared name).
 */
export function combined(parts: ReadonlyArray<Pick<Part, 'sql' | 'params'>>): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const columns = parts.map((part, index) => {
    const sql = renumbered(part.sql, params.length);
    params.push(...part.params);
    return `(SELECT coalesce(json_agg(q), '[]') FROM (${sql}) q) AS r${index}`;
  });
  return { sql: `SELECT ${columns.join(',\n ')}`, params };
}

/** Rows of a part as pg would give them: JSON has dates and timestamps as ISO text (`T` between day and time). */
export function decoded(rows: Row[], { parsed }: JsonRows): Row[] {
  if (!parsed.length) return rows;
  const parsers = parsed.map(({ property, type }) => ({ property, parse: pg.types.getTypeParser(type, 'text') as (text: string) => unknown }));
  for (const row of rows) {
    for (const { property, parse } of parsers) {
      const value = row[property];
      if (typeof value === 'string') row[property] = parse(value.replace('T', ' '));
    }
  }
  return rows;
}

const byText = (a: Part, b: Part) => (a.sql < b.sql ? -1 : a.sql > b.sql ? 1 : 0);

/** The reads of one request gathered until the current turn's promise jobs have run (a level of a read ahead). */
export class Gather {
  private pending: Part[] = [];

  constructor(private readonly run: Runner) {}

  /**
   * Adds a read whose SQL selects the columns `rows` describes plus numbers and
   * text only (keys, labels), without dollar-quoted text; resolves to its rows.
   */
  read(dataSource: DataSource, sql: string, params: unknown[], rows: JsonRows): Promise<Row[]> {
    return new Promise<Row[]>((resolve, reject) => {
      if (!this.pending.length) afterPendingJobs(() => void this.flush());
      this.pending.push({ dataSource, sql, params, rows, resolve, reject });
    });
  }

  private async flush(): Promise<void> {
    const parts = this.pending;
    this.pending = [];
    const bySource = new Map<DataSource, Part[]>();
    for (const part of parts) {
      const group = bySource.get(part.dataSource);
      if (group) group.push(part);
      else bySource.set(part.dataSource, [part]);
    }
    await Promise.all([...bySource.values()].map((group) => this.send(group)));
  }

  private async send(parts: Part[]): Promise<void> {
    try {
      if (parts.length === 1) {
        parts[0].resolve(await this.run(parts[0].dataSource, parts[0].sql, parts[0].params));
        return;
      }
      parts.sort(byText);
      const { sql, params } = combined(parts);
      const [row] = await this.run(parts[0].dataSource, sql, params);
      parts.forEach((part, index) => part.resolve(decoded(row[`r${index}`] as Row[], part.rows)));
    } catch (error) {
      for (const part of parts) part.reject(error);
    }
  }
}

import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { jsonRowsOf, selectList } from './columns';
import { hydrate, Keyed, Row } from './hydrate';
import { readRows } from './statements';

/**
 * Base of read services: raw SQL in, plain objects shaped as the entities out
 * (the read path is hot: no entity hydration), run as named statements.
 */
export abstract class SqlService {
  constructor(protected readonly dataSource: DataSource) {}

  /** The select list of an entity under `alias`: the columns of `fields` (and keys), or all of them. */
  protected columns(target: EntityTarget<ObjectLiteral>, alias: string, fields?: Iterable<string>): string {
    return selectList(this.dataSource, target, alias, fields);
  }

  /**
   * Rows as plain objects; the SQL names each column as its entity property (see `columns`).
   * With `of`, the entity whose select list the SQL reads (besides numbers and text such
   * as keys), a read ahead may gather the read with the others of its level (gather.ts).
   */
  protected read<T>(sql: string, params: unknown[], of?: EntityTarget<ObjectLiteral>): Promise<T[]> {
    return readRows<T>(this.dataSource, sql, params, of === undefined ? null : jsonRowsOf(this.dataSource, of));
  }

  /** Plain objects paired with the parent id the SQL selects as `key` (left on the object: deleting it would slow the object down). */
  protected async readKeyed<T>(sql: string, params: unknown[], of?: EntityTarget<ObjectLiteral>): Promise<Array<Keyed<T>>> {
    const rows = await this.read<Row>(sql, params, of);
    return rows.map((row) => ({ key: row.key as number, value: row as T }));
  }

  /**
   * Starts the count beside the page when the caller asked for it (it runs on
   * another pooled connection meanwhile); otherwise the page counts on demand.
   */
  protected totalOf(sql: string, params: unknown[], now: boolean): () => Promise<number> {
    if (!now) return () => this.count(sql, params);
    const total = this.count(sql, params);
    // Awaited by totalCount; a page that fails first must not leave it unhandled.
    total.catch(() => undefined);
    return () => total;
  }

  /** Entities hydrated from `SELECT t.*` rows: for reads outside the hot path (the audit log). */
  protected async rows<T extends ObjectLiteral>(target: EntityTarget<T>, sql: string, params: unknown[]): Promise<T[]> {
    return hydrate(this.dataSource, target, await this.dataSource.query<Row[]>(sql, params));
  }

  protected async counts(sql: string, params: unknown[]): Promise<Array<{ id: number; n: number }>> {
    return this.read(sql, params);
  }

  protected async count(sql: string, params: unknown[]): Promise<number> {
    const [{ n }] = await this.read<{ n: number }>(sql, params);
    return n;
  }
}

import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';
import { hydrate, hydrateKeyed, Keyed, Row } from './hydrate';

/** Base of read services: raw SQL in, entities out. */
export abstract class SqlService {
  constructor(protected readonly dataSource: DataSource) {}

  protected async rows<T extends ObjectLiteral>(target: EntityTarget<T>, sql: string, params: unknown[]): Promise<T[]> {
    return hydrate(this.dataSource, target, await this.dataSource.query<Row[]>(sql, params));
  }

  /** Entities paired with the parent id the SQL selects as `key`. */
  protected async keyed<T extends ObjectLiteral>(
    target: EntityTarget<T>,
    sql: string,
    params: unknown[],
  ): Promise<Array<Keyed<T>>> {
    return hydrateKeyed(this.dataSource, target, await this.dataSource.query<Row[]>(sql, params), 'key');
  }

  protected async counts(sql: string, params: unknown[]): Promise<Array<{ id: number; n: number }>> {
    return this.dataSource.query(sql, params);
  }

  protected async count(sql: string, params: unknown[]): Promise<number> {
    const [{ n }] = await this.dataSource.query<Array<{ n: number }>>(sql, params);
    return n;
  }
}

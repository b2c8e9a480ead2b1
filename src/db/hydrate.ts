import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

export type Row = Record<string, unknown>;

/** Turns raw `SELECT t.*` rows into entity instances, converting values as TypeORM would. */
export function hydrate<T extends ObjectLiteral>(dataSource: DataSource, target: EntityTarget<T>, rows: Row[]): T[] {
  const metadata = dataSource.getMetadata(target);
  const { driver } = dataSource;
  return rows.map((row) => {
    const entity = metadata.create() as T;
    for (const column of metadata.ownColumns) {
      if (column.databaseName in row) {
        (entity as Row)[column.propertyName] = driver.prepareHydratedValue(row[column.databaseName], column);
      }
    }
    return entity;
  });
}

/** A row that belongs to the parent with id `key` (the value a loader groups by). */
export interface Keyed<T> {
  key: number;
  value: T;
}

/** Like `hydrate`, pairing each entity with the parent id found in `keyColumn`. */
export function hydrateKeyed<T extends ObjectLiteral>(
  dataSource: DataSource,
  target: EntityTarget<T>,
  rows: Row[],
  keyColumn: string,
): Array<Keyed<T>> {
  return hydrate(dataSource, target, rows).map((value, index) => ({ key: Number(rows[index][keyColumn]), value }));
}

import pg from 'pg';
import { DataSource, DataSourceOptions, Logger } from 'typeorm';
import { ApiKey } from '../modules/api-key/api-key.entity';
import { AuditEntry } from '../modules/audit/audit-entry.entity';
import { CategoryAlias } from '../modules/category/category-alias.entity';
import { Category } from '../modules/category/category.entity';
import { Issue } from '../modules/issue/issue.entity';
import { Link } from '../modules/link/link.entity';
import { Newsletter } from '../modules/newsletter/newsletter.entity';
import { Section } from '../modules/section/section.entity';
import { SponsorPlacement } from '../modules/sponsor/sponsor-placement.entity';
import { SponsorRetirement } from '../modules/sponsor/sponsor-retirement.entity';
import { Sponsor } from '../modules/sponsor/sponsor.entity';
import { LinkTagOverride } from '../modules/tag/link-tag-override.entity';
import { LinkTag } from '../modules/tag/link-tag.entity';
import { TagAlias } from '../modules/tag/tag-alias.entity';
import { Tag } from '../modules/tag/tag.entity';
import { MIGRATIONS } from '../../migrations';

// Calendar days stay strings ("2025-03-13"); a Date would shift with the server's time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// Counts come back as bigint strings; they fit comfortably in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export const ENTITIES = [
  Newsletter, Issue, Section, Category, CategoryAlias, Link, Tag, LinkTag, LinkTagOverride, TagAlias, Sponsor, SponsorPlacement,
  SponsorRetirement, ApiKey, AuditEntry,
];

export interface DataSourceSettings {
  url: string;
  poolSize?: number;
  logger?: Logger;
}

/** The one DataSource definition used by the server, the CLI and the tests. */
export function createDataSource({ url, poolSize = 10, logger }: DataSourceSettings): DataSource {
  const options: DataSourceOptions = {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each',
    synchronize: false,
    poolSize,
    logger,
    logging: logger ? ['query'] : false,
    extra: { application_name: 'newsletter-api' },
  };
  return new DataSource(options);
}

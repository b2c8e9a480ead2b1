import type { MigrationInterface } from 'typeorm';
import { Initial1795900000000 } from './1795900000000-Initial';
import { Editorial1796000000000 } from './1796000000000-Editorial';
import { BackfillImportedVersion1796000000001 } from './1796000000001-BackfillImportedVersion';
import { PartnerScopes1796000000020 } from './1796000000020-PartnerScopes';

/** Every migration, in order; listed explicitly so the build and the tests load the same set. */
export const MIGRATIONS: Array<new () => MigrationInterface> = [
  Initial1795900000000,
  Editorial1796000000000,
  BackfillImportedVersion1796000000001,
  PartnerScopes1796000000020,
];

import { MigrationInterface, QueryRunner } from 'typeorm';
import { recanonicalizeWithin } from '../src/modules/link/link-canonical';

/**
 * Backfill: stored links get the canonical URL, domain and URL-derived kind the
 * current rules give (tracking and share parameters, invisible characters and
 * fragment-only tracking no longer split a story). Changed issues are bumped and audited.
 */
export class RecanonicalizeLinks1797000000100 implements MigrationInterface {
  name = 'RecanonicalizeLinks1797000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await recanonicalizeWithin(queryRunner.manager, { kind: 'SYSTEM', keyId: null, name: `migration ${this.name}` });
  }

  async down(): Promise<void> {
    // Canonical URLs follow the rules of their time; the old ones are not kept.
  }
}

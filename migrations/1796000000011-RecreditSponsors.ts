import { MigrationInterface, QueryRunner } from 'typeorm';
import { recreditSponsors } from '../src/import/sponsor-recredit';

/**
 * Backfill: every stored sponsored link and placement is credited to the advertiser
 * its ad names. An advertiser whose key did not change keeps its sponsor id (renamed
 * to the ads' spelling); shorteners, trackers, event platforms and the newsletter
 * itself are retired into sponsor_retirement, old id → new id.
 */
export class RecreditSponsors1796000000011 implements MigrationInterface {
  name = 'RecreditSponsors1796000000011';

  async up(queryRunner: QueryRunner): Promise<void> {
    await recreditSponsors(queryRunner);
  }

  async down(): Promise<void> {
    // Credits follow the ads' text; the schema migration's down drops the retirement record.
  }
}

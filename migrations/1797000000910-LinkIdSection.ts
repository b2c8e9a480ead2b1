import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each link's section beside its id in a small index: tag filters on issues go
 * from a tag's links to their sections and issues, and read this index alone
 * instead of scanning the link table, whose rows are wide (summaries, search documents).
 */
export class LinkIdSection1797000000910 implements MigrationInterface {
  name = 'LinkIdSection1797000000910';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_link_id_section" ON "link" ("id") INCLUDE ("section_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_link_id_section"`);
  }
}

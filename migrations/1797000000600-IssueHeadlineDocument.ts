import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each issue's headline as a stored text-search document, kept by a trigger
 * like `link.search_document`, with the GIN index on it in place of the one
 * on the expression: search's headline branch and related issues read it
 * instead of parsing the headline again for every link or candidate.
 */
export class IssueHeadlineDocument1797000000600 implements MigrationInterface {
  name = 'IssueHeadlineDocument1797000000600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION issue_headline_document() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.headline_document := to_tsvector('english', NEW.headline);
        RETURN NEW;
      END $$`);
    await queryRunner.query(`ALTER TABLE "issue" ADD "headline_document" tsvector`);
    await queryRunner.query(`UPDATE "issue" SET "headline_document" = to_tsvector('english', "headline")`);
    await queryRunner.query(`ALTER TABLE "issue" ALTER COLUMN "headline_document" SET NOT NULL`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_issue_headline_document" BEFORE INSERT OR UPDATE OF "headline" ON "issue" FOR EACH ROW EXECUTE FUNCTION issue_headline_document()`,
    );
    await queryRunner.query(`DROP INDEX "ix_issue_headline_search"`);
    await queryRunner.query(`CREATE INDEX "ix_issue_headline_search" ON "issue" USING gin ("headline_document")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_issue_headline_search"`);
    await queryRunner.query(`CREATE INDEX "ix_issue_headline_search" ON "issue" USING gin (to_tsvector('english', "headline"))`);
    await queryRunner.query(`DROP TRIGGER "tr_issue_headline_document" ON "issue"`);
    await queryRunner.query(`ALTER TABLE "issue" DROP COLUMN "headline_document"`);
    await queryRunner.query(`DROP FUNCTION issue_headline_document()`);
  }
}

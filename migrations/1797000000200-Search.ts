import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full-text search: each link's document (title weighted A, plain-text summary
 * weighted B) stored in `search_document` and kept current by a trigger, with
 * a GIN index; a GIN index on each issue's headline as a document; and pg_trgm
 * with a trigram index on titles, for the typo fallback. A trigger rather than
 * a generated column: TypeORM keeps generated columns' expressions in a table
 * keyed by database name, which a database cloned from a template (each test
 * file's) does not match.
 */
export class Search1797000000200 implements MigrationInterface {
  name = 'Search1797000000200';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE FUNCTION link_search_document() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        NEW.search_document := setweight(to_tsvector('english', NEW.title), 'A') || setweight(to_tsvector('english', NEW.summary_text), 'B');
        RETURN NEW;
      END $$`);
    await queryRunner.query(`ALTER TABLE "link" ADD "search_document" tsvector`);
    await queryRunner.query(`UPDATE "link" SET "search_document" = setweight(to_tsvector('english', "title"), 'A') || setweight(to_tsvector('english', "summary_text"), 'B')`);
    await queryRunner.query(`ALTER TABLE "link" ALTER COLUMN "search_document" SET NOT NULL`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_link_search_document" BEFORE INSERT OR UPDATE OF "title", "summary_text" ON "link" FOR EACH ROW EXECUTE FUNCTION link_search_document()`,
    );
    await queryRunner.query(`CREATE INDEX "ix_link_search" ON "link" USING gin ("search_document")`);
    await queryRunner.query(`CREATE INDEX "ix_link_title_trgm" ON "link" USING gin ("title" gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "ix_issue_headline_search" ON "issue" USING gin (to_tsvector('english', "headline"))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_issue_headline_search"`);
    await queryRunner.query(`DROP INDEX "ix_link_title_trgm"`);
    await queryRunner.query(`DROP INDEX "ix_link_search"`);
    await queryRunner.query(`DROP TRIGGER "tr_link_search_document" ON "link"`);
    await queryRunner.query(`ALTER TABLE "link" DROP COLUMN "search_document"`);
    await queryRunner.query(`DROP FUNCTION link_search_document()`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A link's search document is computed on insert and again only when an update
 * changes its title or plain-text summary: an edit that rewrites every column
 * (a link's URL or label changed) no longer parses the same text again.
 */
export class SearchDocumentOnChange1797000000710 implements MigrationInterface {
  name = 'SearchDocumentOnChange1797000000710';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_link_search_document" ON "link"`);
    await queryRunner.query(`CREATE TRIGGER "tr_link_search_document" BEFORE INSERT ON "link" FOR EACH ROW EXECUTE FUNCTION link_search_document()`);
    await queryRunner.query(`CREATE TRIGGER "tr_link_search_document_update" BEFORE UPDATE OF "title", "summary_text" ON "link" FOR EACH ROW
      WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.summary_text IS DISTINCT FROM NEW.summary_text) EXECUTE FUNCTION link_search_document()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "tr_link_search_document_update" ON "link"`);
    await queryRunner.query(`DROP TRIGGER "tr_link_search_document" ON "link"`);
    await queryRunner.query(
      `CREATE TRIGGER "tr_link_search_document" BEFORE INSERT OR UPDATE OF "title", "summary_text" ON "link" FOR EACH ROW EXECUTE FUNCTION link_search_document()`,
    );
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Inserts the words of the titles in `written` that are not known yet, in word order (concurrent writers then never deadlock). */
const ADD_WORDS = `INSERT INTO title_word (word)
  SELECT DISTINCT x.word FROM written w CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', w.title))) AS x(word)
   ORDER BY x.word ON CONFLICT DO NOTHING`;

/**
 * The distinct words of link titles, each once, with a trigram index: the
 * search's typo fallback finds similar words here and then checks that a title
 * the caller may read holds one. It replaces the trigram index on every title,
 * which cost each imported link about a fifth of its insert. Words are added by
 * statement triggers (inserted links, retitled links) and never removed: a word
 * no title holds any more is simply never confirmed.
 */
export class TitleWords1798000000100 implements MigrationInterface {
  name = 'TitleWords1798000000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "title_word" ("word" text NOT NULL, CONSTRAINT "pk_title_word" PRIMARY KEY ("word"))`);
    await queryRunner.query(`INSERT INTO title_word (word)
      SELECT DISTINCT x.word FROM link l CROSS JOIN LATERAL unnest(tsvector_to_array(to_tsvector('simple', l.title))) AS x(word)`);
    await queryRunner.query(`CREATE INDEX "ix_title_word_trgm" ON "title_word" USING gin ("word" gin_trgm_ops)`);
    await queryRunner.query(`CREATE FUNCTION title_words_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${ADD_WORDS};
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER tr_title_words_insert AFTER INSERT ON link
      REFERENCING NEW TABLE AS written FOR EACH STATEMENT EXECUTE FUNCTION title_words_after_insert()`);
    // Transition tables admit no column list: every update statement fires it, and only changed titles are read.
    await queryRunner.query(`CREATE FUNCTION title_words_after_update() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        WITH written AS (SELECT n.title FROM renamed n JOIN previous o ON o.id = n.id WHERE o.title IS DISTINCT FROM n.title)
        ${ADD_WORDS};
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER tr_title_words_update AFTER UPDATE ON link
      REFERENCING OLD TABLE AS previous NEW TABLE AS renamed FOR EACH STATEMENT EXECUTE FUNCTION title_words_after_update()`);
    await queryRunner.query(`DROP INDEX "ix_link_title_trgm"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_link_title_trgm" ON "link" USING gin ("title" gin_trgm_ops)`);
    await queryRunner.query(`DROP TRIGGER tr_title_words_update ON link`);
    await queryRunner.query(`DROP FUNCTION title_words_after_update()`);
    await queryRunner.query(`DROP TRIGGER tr_title_words_insert ON link`);
    await queryRunner.query(`DROP FUNCTION title_words_after_insert()`);
    await queryRunner.query(`DROP TABLE "title_word"`);
  }
}

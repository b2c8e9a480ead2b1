import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `link_tag.published`: whether the link's issue is published, kept by triggers
 * (on inserted link_tag rows, on a change of an issue's status, on a link or a
 * section moving), so that a topic's count of published links reads one partial
 * index instead of joining every link, section and issue.
 */
export class LinkTagPublished1797000000500 implements MigrationInterface {
  name = 'LinkTagPublished1797000000500';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "link_tag" ADD "published" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`UPDATE "link_tag" lt SET "published" = true
      FROM "link" l JOIN "section" s ON s.id = l.section_id JOIN "issue" i ON i.id = s.issue_id
      WHERE l.id = lt.link_id AND i.status = 'PUBLISHED'`);
    await queryRunner.query(`CREATE INDEX "ix_link_tag_published" ON "link_tag" ("tag_id", "link_id") WHERE "published"`);
    // Whole statements at once (an import writes an issue and its tags in one statement): after it, from what it inserted.
    await queryRunner.query(`CREATE FUNCTION link_tag_published_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE link_tag lt SET published = true
          FROM inserted n JOIN link l ON l.id = n.link_id JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
         WHERE lt.link_id = n.link_id AND lt.tag_id = n.tag_id AND i.status = 'PUBLISHED' AND NOT lt.published;
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER tr_link_tag_published_insert AFTER INSERT ON link_tag
      REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION link_tag_published_after_insert()`);
    // The links whose issue changed status or that moved to another section: their tags follow their issue.
    await queryRunner.query(`CREATE FUNCTION link_tag_published_of_links(link_ids int[]) RETURNS void LANGUAGE sql AS $$
      UPDATE link_tag lt SET published = (i.status = 'PUBLISHED')
        FROM link l JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
       WHERE l.id = lt.link_id AND lt.link_id = ANY(link_ids) AND lt.published IS DISTINCT FROM (i.status = 'PUBLISHED') $$`);
    await queryRunner.query(`CREATE FUNCTION link_tag_published_after_issue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM link_tag_published_of_links(ARRAY(SELECT l.id FROM link l JOIN section s ON s.id = l.section_id WHERE s.issue_id = NEW.id));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER tr_link_tag_published_issue AFTER UPDATE OF status ON issue
      FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status) EXECUTE FUNCTION link_tag_published_after_issue()`);
    await queryRunner.query(`CREATE FUNCTION link_tag_published_after_section() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM link_tag_published_of_links(ARRAY(SELECT l.id FROM link l WHERE l.section_id = NEW.id));
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER tr_link_tag_published_section AFTER UPDATE OF issue_id ON section
      FOR EACH ROW WHEN (OLD.issue_id IS DISTINCT FROM NEW.issue_id) EXECUTE FUNCTION link_tag_published_after_section()`);
    await queryRunner.query(`CREATE FUNCTION link_tag_published_after_link() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM link_tag_published_of_links(ARRAY[NEW.id]);
        RETURN NULL;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER tr_link_tag_published_link AFTER UPDATE OF section_id ON link
      FOR EACH ROW WHEN (OLD.section_id IS DISTINCT FROM NEW.section_id) EXECUTE FUNCTION link_tag_published_after_link()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER tr_link_tag_published_link ON link`);
    await queryRunner.query(`DROP FUNCTION link_tag_published_after_link()`);
    await queryRunner.query(`DROP TRIGGER tr_link_tag_published_section ON section`);
    await queryRunner.query(`DROP FUNCTION link_tag_published_after_section()`);
    await queryRunner.query(`DROP TRIGGER tr_link_tag_published_issue ON issue`);
    await queryRunner.query(`DROP FUNCTION link_tag_published_after_issue()`);
    await queryRunner.query(`DROP FUNCTION link_tag_published_of_links(int[])`);
    await queryRunner.query(`DROP TRIGGER tr_link_tag_published_insert ON link_tag`);
    await queryRunner.query(`DROP FUNCTION link_tag_published_after_insert()`);
    await queryRunner.query(`DROP INDEX "ix_link_tag_published"`);
    await queryRunner.query(`ALTER TABLE "link_tag" DROP COLUMN "published"`);
  }
}

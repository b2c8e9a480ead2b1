import { MigrationInterface, QueryRunner } from 'typeorm';

/** The body of `link_tag_published_after_insert` as migration 1797000000500 wrote it, restored by `down`. */
const BEFORE = `
  BEGIN
    UPDATE link_tag lt SET published = true
      FROM inserted n JOIN link l ON l.id = n.link_id JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
     WHERE lt.link_id = n.link_id AND lt.tag_id = n.tag_id AND i.status = 'PUBLISHED' AND NOT lt.published;
    RETURN NULL;
  END`;

/**
 * The trigger on inserted link tags corrects only the rows whose `published`
 * flag disagrees with their issue's status, found first (materialised) from
 * the inserted rows by primary keys. Before, it scanned every unpublished link tag of the table
 * (the planner, seeing none, chose a sequential scan) and rewrote each inserted
 * row: a cost per statement that grew with the archive. Writers that know the
 * issue's status (the importer) write the right flag, so nothing is rewritten.
 */
export class LinkTagPublishedInsert1797000000700 implements MigrationInterface {
  name = 'LinkTagPublishedInsert1797000000700';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION link_tag_published_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        WITH wrong AS MATERIALIZED (
          SELECT n.link_id, n.tag_id, i.status = 'PUBLISHED' AS published
            FROM inserted n JOIN link l ON l.id = n.link_id JOIN section s ON s.id = l.section_id JOIN issue i ON i.id = s.issue_id
           WHERE n.published IS DISTINCT FROM (i.status = 'PUBLISHED')
        )
        UPDATE link_tag lt SET published = wrong.published FROM wrong WHERE lt.link_id = wrong.link_id AND lt.tag_id = wrong.tag_id;
        RETURN NULL;
      END $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION link_tag_published_after_insert() RETURNS trigger LANGUAGE plpgsql AS $$${BEFORE} $$`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { summaryText } from '../src/content/summary';

const BATCH = 2000;

/** Each link's summary as plain text, the text search indexes; filled for the stored archive here, by every writer after. */
export class SummaryText1797000000000 implements MigrationInterface {
  name = 'SummaryText1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE link ADD COLUMN summary_text text NOT NULL DEFAULT ''`);
    for (let after = 0; ; ) {
      const rows: Array<{ id: number; summary: string }> = await queryRunner.query(
        `SELECT id, summary FROM link WHERE id > $1 AND summary <> '' ORDER BY id LIMIT ${BATCH}`,
        [after],
      );
      if (rows.length === 0) break;
      await queryRunner.query(
        `UPDATE link SET summary_text = x.text FROM unnest($1::int[], $2::text[]) AS x(id, text) WHERE link.id = x.id`,
        [rows.map((row) => row.id), rows.map((row) => summaryText(row.summary))],
      );
      after = rows[rows.length - 1].id;
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE link DROP COLUMN summary_text`);
  }
}

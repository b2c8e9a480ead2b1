import { MigrationInterface, QueryRunner } from 'typeorm';

/** Every issue stored before editing existed came from the importer: its current version is the imported one. */
export class BackfillImportedVersion1796000000001 implements MigrationInterface {
  name = 'BackfillImportedVersion1796000000001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`UPDATE "issue" SET "imported_version" = "version" WHERE "imported_version" IS NULL`);
  }

  async down(): Promise<void> {
    // The column itself is dropped by the schema migration's down; nothing to undo here.
  }
}

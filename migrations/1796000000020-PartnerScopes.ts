import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Partner scopes: a PARTNER key may be limited to newsletters (by id) and/or
 * tags (by slug, resolved through tag aliases per request). Null means no
 * limit on that side; only partner keys may carry a limit, never an empty one.
 */
export class PartnerScopes1796000000020 implements MigrationInterface {
  name = 'PartnerScopes1796000000020';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_key" ADD "scope_newsletter_ids" integer array`);
    await queryRunner.query(`ALTER TABLE "api_key" ADD "scope_tags" character varying(64) array`);
    await queryRunner.query(`ALTER TABLE "api_key" ADD CONSTRAINT "ck_api_key_scope_partner" CHECK ("role" = 'PARTNER' OR ("scope_newsletter_ids" IS NULL AND "scope_tags" IS NULL))`);
    await queryRunner.query(`ALTER TABLE "api_key" ADD CONSTRAINT "ck_api_key_scope_not_empty" CHECK (("scope_newsletter_ids" IS NULL OR cardinality("scope_newsletter_ids") > 0) AND ("scope_tags" IS NULL OR cardinality("scope_tags") > 0))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_key" DROP CONSTRAINT "ck_api_key_scope_not_empty"`);
    await queryRunner.query(`ALTER TABLE "api_key" DROP CONSTRAINT "ck_api_key_scope_partner"`);
    await queryRunner.query(`ALTER TABLE "api_key" DROP COLUMN "scope_tags"`);
    await queryRunner.query(`ALTER TABLE "api_key" DROP COLUMN "scope_newsletter_ids"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sponsors are advertisers: a link kind for the newsletter's own ads (which credit
 * no sponsor), and a record of sponsors retired when their appearances are credited
 * to the advertisers the ads name (the backfill that follows fills it).
 */
export class SponsorIdentity1796000000010 implements MigrationInterface {
  name = 'SponsorIdentity1796000000010';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TYPE "public"."link_kind" ADD VALUE IF NOT EXISTS 'HOUSE_AD' BEFORE 'OTHER'`);
    await queryRunner.query(`CREATE TABLE "sponsor_retirement" ("old_id" integer NOT NULL, "old_domain" character varying(255) NOT NULL, "old_name" text NOT NULL, "new_id" integer, "retired_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "pk_sponsor_retirement" PRIMARY KEY ("old_id"))`);
    await queryRunner.query(`ALTER TABLE "sponsor_retirement" ADD CONSTRAINT "fk_sponsor_retirement_new" FOREIGN KEY ("new_id") REFERENCES "sponsor"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "sponsor_retirement"`);
    // Postgres cannot drop an enum value: rebuild the type without it, house ads becoming OTHER.
    await queryRunner.query(`UPDATE "link" SET "kind" = 'OTHER' WHERE "kind" = 'HOUSE_AD'`);
    await queryRunner.query(`ALTER TYPE "public"."link_kind" RENAME TO "link_kind_old"`);
    await queryRunner.query(`CREATE TYPE "public"."link_kind" AS ENUM('ARTICLE', 'REPO', 'VIDEO', 'PODCAST', 'THREAD', 'PRODUCT', 'JOB', 'OTHER')`);
    await queryRunner.query(`ALTER TABLE "link" ALTER COLUMN "kind" DROP DEFAULT`);
    await queryRunner.query(`ALTER TABLE "link" ALTER COLUMN "kind" TYPE "public"."link_kind" USING "kind"::text::"public"."link_kind"`);
    await queryRunner.query(`ALTER TABLE "link" ALTER COLUMN "kind" SET DEFAULT 'OTHER'`);
    await queryRunner.query(`DROP TYPE "public"."link_kind_old"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The initial schema: newsletters, issues, sections, categories, links, tags,
 * sponsors and sponsor placements. Issues cascade to their sections, links
 * and placements; newsletters, categories and sponsors in use cannot be
 * deleted (RESTRICT), and a deleted sponsor leaves its links unsponsored-by
 * (SET NULL).
 */
export class Initial1795900000000 implements MigrationInterface {
  name = 'Initial1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "category" ("id" SERIAL NOT NULL, "slug" character varying(128) NOT NULL, "name" text NOT NULL, CONSTRAINT "UQ_cb73208f151aa71cdd78f662d70" UNIQUE ("slug"), CONSTRAINT "PK_9c4e4a89e3674fc9f382d733f03" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "newsletter" ("id" SERIAL NOT NULL, "slug" character varying(64) NOT NULL, "name" text NOT NULL, "tagline" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_b27a714995d974b647ae8b13029" UNIQUE ("slug"), CONSTRAINT "PK_036bb790d1d19efeacfd2f3740c" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TYPE "public"."issue_status" AS ENUM('DRAFT', 'SCHEDULED', 'PUBLISHED')`);
    await queryRunner.query(`CREATE TABLE "issue" ("id" SERIAL NOT NULL, "newsletter_id" integer NOT NULL, "date" date NOT NULL, "headline" text NOT NULL, "status" "public"."issue_status" NOT NULL DEFAULT 'DRAFT', "published_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "version" integer NOT NULL, CONSTRAINT "uq_issue_newsletter_date" UNIQUE ("newsletter_id", "date"), CONSTRAINT "ck_issue_published_at" CHECK ("status" <> 'PUBLISHED' OR "published_at" IS NOT NULL), CONSTRAINT "PK_f80e086c249b9f3f3ff2fd321b7" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_issue_published_date" ON "issue" ("date", "id") WHERE "status" = 'PUBLISHED'`);
    await queryRunner.query(`CREATE TABLE "section" ("id" SERIAL NOT NULL, "issue_id" integer NOT NULL, "position" integer NOT NULL, "title" text, "emoji" text, "category_id" integer, CONSTRAINT "uq_section_issue_position" UNIQUE ("issue_id", "position"), CONSTRAINT "PK_3c41d2d699384cc5e8eac54777d" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_section_category" ON "section" ("category_id")`);
    await queryRunner.query(`CREATE TABLE "sponsor" ("id" SERIAL NOT NULL, "name" text NOT NULL, "domain" character varying(255) NOT NULL, "url" text NOT NULL, CONSTRAINT "UQ_7151fd2c030682971ac7637b4a4" UNIQUE ("domain"), CONSTRAINT "PK_31c4354cde945c685aabe017541" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TYPE "public"."link_kind" AS ENUM('ARTICLE', 'REPO', 'VIDEO', 'PODCAST', 'THREAD', 'PRODUCT', 'JOB', 'OTHER')`);
    await queryRunner.query(`CREATE TABLE "link" ("id" SERIAL NOT NULL, "section_id" integer NOT NULL, "position" integer NOT NULL, "title" text NOT NULL, "url" text NOT NULL, "canonical_url" text NOT NULL, "domain" character varying(255) NOT NULL, "summary" text NOT NULL, "read_time_label" text, "read_minutes" integer, "kind" "public"."link_kind" NOT NULL DEFAULT 'OTHER', "sponsored" boolean NOT NULL DEFAULT false, "sponsor_id" integer, CONSTRAINT "uq_link_section_position" UNIQUE ("section_id", "position"), CONSTRAINT "PK_26206fb7186da72fbb9eaa3fac9" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_link_canonical_url" ON "link" ("canonical_url")`);
    await queryRunner.query(`CREATE INDEX "ix_link_domain" ON "link" ("domain")`);
    await queryRunner.query(`CREATE INDEX "ix_link_kind" ON "link" ("kind")`);
    await queryRunner.query(`CREATE INDEX "ix_link_sponsor" ON "link" ("sponsor_id")`);
    await queryRunner.query(`CREATE TABLE "sponsor_placement" ("id" SERIAL NOT NULL, "issue_id" integer NOT NULL, "position" integer NOT NULL, "title" text NOT NULL, "body" text NOT NULL, "url" text NOT NULL, "sponsor_id" integer NOT NULL, CONSTRAINT "uq_sponsor_placement_issue_position" UNIQUE ("issue_id", "position"), CONSTRAINT "PK_15d823ec99dbed686f68f6b0dda" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_sponsor_placement_sponsor" ON "sponsor_placement" ("sponsor_id")`);
    await queryRunner.query(`CREATE TABLE "tag" ("id" SERIAL NOT NULL, "slug" character varying(64) NOT NULL, "name" text NOT NULL, CONSTRAINT "UQ_3413aed3ecde54f832c4f44f045" UNIQUE ("slug"), CONSTRAINT "PK_8e4052373c579afc1471f526760" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "link_tag" ("link_id" integer NOT NULL, "tag_id" integer NOT NULL, CONSTRAINT "PK_9e5b41623cb68d943c94ee22e75" PRIMARY KEY ("link_id", "tag_id"))`);
    await queryRunner.query(`CREATE INDEX "ix_link_tag_tag" ON "link_tag" ("tag_id", "link_id")`);
    await queryRunner.query(`ALTER TABLE "issue" ADD CONSTRAINT "fk_issue_newsletter" FOREIGN KEY ("newsletter_id") REFERENCES "newsletter"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "section" ADD CONSTRAINT "fk_section_issue" FOREIGN KEY ("issue_id") REFERENCES "issue"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "section" ADD CONSTRAINT "fk_section_category" FOREIGN KEY ("category_id") REFERENCES "category"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "link" ADD CONSTRAINT "fk_link_section" FOREIGN KEY ("section_id") REFERENCES "section"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "link" ADD CONSTRAINT "fk_link_sponsor" FOREIGN KEY ("sponsor_id") REFERENCES "sponsor"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sponsor_placement" ADD CONSTRAINT "fk_sponsor_placement_issue" FOREIGN KEY ("issue_id") REFERENCES "issue"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "sponsor_placement" ADD CONSTRAINT "fk_sponsor_placement_sponsor" FOREIGN KEY ("sponsor_id") REFERENCES "sponsor"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "link_tag" ADD CONSTRAINT "fk_link_tag_link" FOREIGN KEY ("link_id") REFERENCES "link"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "link_tag" ADD CONSTRAINT "fk_link_tag_tag" FOREIGN KEY ("tag_id") REFERENCES "tag"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "link_tag" DROP CONSTRAINT "fk_link_tag_tag"`);
    await queryRunner.query(`ALTER TABLE "link_tag" DROP CONSTRAINT "fk_link_tag_link"`);
    await queryRunner.query(`ALTER TABLE "sponsor_placement" DROP CONSTRAINT "fk_sponsor_placement_sponsor"`);
    await queryRunner.query(`ALTER TABLE "sponsor_placement" DROP CONSTRAINT "fk_sponsor_placement_issue"`);
    await queryRunner.query(`ALTER TABLE "link" DROP CONSTRAINT "fk_link_sponsor"`);
    await queryRunner.query(`ALTER TABLE "link" DROP CONSTRAINT "fk_link_section"`);
    await queryRunner.query(`ALTER TABLE "section" DROP CONSTRAINT "fk_section_category"`);
    await queryRunner.query(`ALTER TABLE "section" DROP CONSTRAINT "fk_section_issue"`);
    await queryRunner.query(`ALTER TABLE "issue" DROP CONSTRAINT "fk_issue_newsletter"`);
    await queryRunner.query(`DROP INDEX "public"."ix_link_tag_tag"`);
    await queryRunner.query(`DROP TABLE "link_tag"`);
    await queryRunner.query(`DROP TABLE "tag"`);
    await queryRunner.query(`DROP INDEX "public"."ix_sponsor_placement_sponsor"`);
    await queryRunner.query(`DROP TABLE "sponsor_placement"`);
    await queryRunner.query(`DROP INDEX "public"."ix_link_sponsor"`);
    await queryRunner.query(`DROP INDEX "public"."ix_link_kind"`);
    await queryRunner.query(`DROP INDEX "public"."ix_link_domain"`);
    await queryRunner.query(`DROP INDEX "public"."ix_link_canonical_url"`);
    await queryRunner.query(`DROP TABLE "link"`);
    await queryRunner.query(`DROP TYPE "public"."link_kind"`);
    await queryRunner.query(`DROP TABLE "sponsor"`);
    await queryRunner.query(`DROP INDEX "public"."ix_section_category"`);
    await queryRunner.query(`DROP TABLE "section"`);
    await queryRunner.query(`DROP INDEX "public"."ix_issue_published_date"`);
    await queryRunner.query(`DROP TABLE "issue"`);
    await queryRunner.query(`DROP TYPE "public"."issue_status"`);
    await queryRunner.query(`DROP TABLE "newsletter"`);
    await queryRunner.query(`DROP TABLE "category"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Editing: API keys with roles, the audit trail, editor tag decisions that
 * survive retag and re-imports, slugs kept as aliases after a merge, and the
 * issue's schedule (`publish_at`) and last imported version.
 */
export class Editorial1796000000000 implements MigrationInterface {
  name = 'Editorial1796000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TYPE "public"."api_key_role" AS ENUM('PARTNER', 'EDITOR', 'ADMIN')`);
    await queryRunner.query(`CREATE TABLE "api_key" ("id" SERIAL NOT NULL, "name" text NOT NULL, "role" "public"."api_key_role" NOT NULL, "prefix" character varying(16) NOT NULL, "secret_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "last_used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_b227edd98d489363d65e908e60f" UNIQUE ("secret_hash"), CONSTRAINT "PK_b1bd840641b8acbaad89c3d8d11" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE TABLE "audit_entry" ("id" SERIAL NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "actor_kind" character varying(16) NOT NULL, "actor_key_id" integer, "actor_name" text NOT NULL, "action" character varying(64) NOT NULL, "entity_type" character varying(32) NOT NULL, "entity_id" integer, "issue_id" integer, "changes" jsonb NOT NULL DEFAULT '{}', "summary" jsonb, CONSTRAINT "PK_58a130a4b9da189f46ba2a01801" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_audit_entry_at" ON "audit_entry"("at")`);
    await queryRunner.query(`CREATE INDEX "ix_audit_entry_issue" ON "audit_entry"("issue_id", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_audit_entry_entity" ON "audit_entry"("entity_type", "entity_id", "id")`);
    await queryRunner.query(`CREATE TABLE "category_alias" ("slug" character varying(128) NOT NULL, "category_id" integer NOT NULL, CONSTRAINT "PK_6bf1a5f8e807a9a05966b8a27a4" PRIMARY KEY ("slug"))`);
    await queryRunner.query(`CREATE INDEX "ix_category_alias_category" ON "category_alias"("category_id")`);
    await queryRunner.query(`CREATE TABLE "link_tag_override" ("link_id" integer NOT NULL, "tag_id" integer NOT NULL, "included" boolean NOT NULL, CONSTRAINT "PK_c3bb2911b53dfdb515eb7e6fecd" PRIMARY KEY ("link_id", "tag_id"))`);
    await queryRunner.query(`CREATE TABLE "tag_alias" ("slug" character varying(64) NOT NULL, "tag_id" integer NOT NULL, CONSTRAINT "PK_df87b3e01b665909cd52a3a8725" PRIMARY KEY ("slug"))`);
    await queryRunner.query(`CREATE INDEX "ix_tag_alias_tag" ON "tag_alias"("tag_id")`);
    await queryRunner.query(`ALTER TABLE "issue" ADD "publish_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "issue" ADD "imported_version" integer`);
    await queryRunner.query(`CREATE INDEX "ix_issue_scheduled" ON "issue"("publish_at") WHERE "status" = 'SCHEDULED'`);
    await queryRunner.query(`ALTER TABLE "issue" ADD CONSTRAINT "ck_issue_scheduled_publish_at" CHECK ("status" <> 'SCHEDULED' OR "publish_at" IS NOT NULL)`);
    await queryRunner.query(`ALTER TABLE "category_alias" ADD CONSTRAINT "fk_category_alias_category" FOREIGN KEY ("category_id") REFERENCES "category"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "link_tag_override" ADD CONSTRAINT "fk_link_tag_override_link" FOREIGN KEY ("link_id") REFERENCES "link"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "link_tag_override" ADD CONSTRAINT "fk_link_tag_override_tag" FOREIGN KEY ("tag_id") REFERENCES "tag"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tag_alias" ADD CONSTRAINT "fk_tag_alias_tag" FOREIGN KEY ("tag_id") REFERENCES "tag"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "tag_alias" DROP CONSTRAINT "fk_tag_alias_tag"`);
    await queryRunner.query(`ALTER TABLE "link_tag_override" DROP CONSTRAINT "fk_link_tag_override_tag"`);
    await queryRunner.query(`ALTER TABLE "link_tag_override" DROP CONSTRAINT "fk_link_tag_override_link"`);
    await queryRunner.query(`ALTER TABLE "category_alias" DROP CONSTRAINT "fk_category_alias_category"`);
    await queryRunner.query(`ALTER TABLE "issue" DROP CONSTRAINT "ck_issue_scheduled_publish_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_issue_scheduled"`);
    await queryRunner.query(`ALTER TABLE "issue" DROP COLUMN "imported_version"`);
    await queryRunner.query(`ALTER TABLE "issue" DROP COLUMN "publish_at"`);
    await queryRunner.query(`DROP INDEX "public"."ix_tag_alias_tag"`);
    await queryRunner.query(`DROP TABLE "tag_alias"`);
    await queryRunner.query(`DROP TABLE "link_tag_override"`);
    await queryRunner.query(`DROP INDEX "public"."ix_category_alias_category"`);
    await queryRunner.query(`DROP TABLE "category_alias"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_entry_entity"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_entry_issue"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_entry_at"`);
    await queryRunner.query(`DROP TABLE "audit_entry"`);
    await queryRunner.query(`DROP TABLE "api_key"`);
    await queryRunner.query(`DROP TYPE "public"."api_key_role"`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Feed tokens: read-only secrets for feed URLs, each belonging to an API key and stored as a SHA-256. */
export class FeedTokens1797000000300 implements MigrationInterface {
  name = 'FeedTokens1797000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "feed_token" ("id" SERIAL NOT NULL, "api_key_id" integer NOT NULL, "name" text NOT NULL, "prefix" character varying(16) NOT NULL, "secret_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "uq_feed_token_secret_hash" UNIQUE ("secret_hash"), CONSTRAINT "pk_feed_token" PRIMARY KEY ("id"))`);
    await queryRunner.query(`CREATE INDEX "ix_feed_token_api_key" ON "feed_token" ("api_key_id") `);
    await queryRunner.query(`ALTER TABLE "feed_token" ADD CONSTRAINT "fk_feed_token_api_key" FOREIGN KEY ("api_key_id") REFERENCES "api_key"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "feed_token" DROP CONSTRAINT "fk_feed_token_api_key"`);
    await queryRunner.query(`DROP INDEX "public"."ix_feed_token_api_key"`);
    await queryRunner.query(`DROP TABLE "feed_token"`);
  }
}

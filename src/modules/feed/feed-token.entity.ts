import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { ApiKey } from '../api-key/api-key.entity';

/**
 * A read-only credential for feed URLs (`?token=`), belonging to a PARTNER key:
 * it reads what the key reads and nothing else, and dies with the key. Only the
 * SHA-256 of the secret is stored; the secret is shown once, at creation.
 */
@ObjectType({ description: 'A feed token: reads the feeds of its PARTNER key, within its scope; never GraphQL, never drafts.' })
@Entity('feed_token')
@Unique('uq_feed_token_secret_hash', ['secretHash'])
export class FeedToken {
  @Field(() => ID)
  @PrimaryGeneratedColumn({ primaryKeyConstraintName: 'pk_feed_token' })
  id!: number;

  @Field(() => ID, { description: 'The API key whose read scope the token carries.' })
  @Index('ix_feed_token_api_key')
  @Column({ name: 'api_key_id', type: 'int' })
  apiKeyId!: number;

  @ManyToOne(() => ApiKey, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'api_key_id', foreignKeyConstraintName: 'fk_feed_token_api_key' })
  apiKey?: ApiKey;

  @Field({ description: 'What the token is for ("Feedly, security team").' })
  @Column({ type: 'text' })
  name!: string;

  @Field({ description: 'The first characters of the secret, to recognise a token without revealing it.' })
  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  @Column({ name: 'secret_hash', type: 'char', length: 64 })
  secretHash!: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true, description: 'Set by revokeFeedToken; a token also stops working when its key is revoked or expires.' })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;
}

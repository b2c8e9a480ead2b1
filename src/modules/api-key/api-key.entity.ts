import { Field, ID, ObjectType } from 'type-graphql';
import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { Role } from './role';

/** A caller's credential: only the SHA-256 of the secret is stored; the secret is shown once, at creation. */
@ObjectType()
@Entity('api_key')
@Check('ck_api_key_scope_partner', `"role" = 'PARTNER' OR ("scope_newsletter_ids" IS NULL AND "scope_tags" IS NULL)`)
@Check(
  'ck_api_key_scope_not_empty',
  `("scope_newsletter_ids" IS NULL OR cardinality("scope_newsletter_ids") > 0) AND ("scope_tags" IS NULL OR cardinality("scope_tags") > 0)`,
)
export class ApiKey {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: 'Who or what the key is for ("Night desk").' })
  @Column({ type: 'text' })
  name!: string;

  @Field(() => Role)
  @Column({ type: 'enum', enum: Role, enumName: 'api_key_role' })
  role!: Role;

  @Field({ description: 'The first characters of the secret, to recognise a key without revealing it.' })
  @Column({ type: 'varchar', length: 16 })
  prefix!: string;

  @Column({ name: 'secret_hash', type: 'char', length: 64, unique: true })
  secretHash!: string;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true })
  expiresAt!: Date | null;

  @Field(() => Date, { nullable: true })
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'Updated at most once a minute (KEY_LAST_USED_INTERVAL_S).' })
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt!: Date | null;

  /** A partner key limited to newsletters: their ids (a rename keeps no alias, so slugs would go stale). Null: no limit. */
  @Column({ name: 'scope_newsletter_ids', type: 'int', array: true, nullable: true })
  scopeNewsletterIds!: number[] | null;

  /** A partner key limited to tags: slugs as given, resolved per request through tag aliases. Null: no limit. */
  @Column({ name: 'scope_tags', type: 'varchar', length: 64, array: true, nullable: true })
  scopeTags!: string[] | null;

  /** The current slugs of `scopeNewsletterIds`, read with the key (api-key.service.ts); not a column. */
  scopeNewsletters?: string[] | null;
}

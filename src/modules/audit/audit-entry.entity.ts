import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One write, appended in the transaction that made it: who, what, on which
 * entity, the fields before and after (or, for bulk writes, counts).
 */
@ObjectType()
@Entity('audit_entry')
@Index('ix_audit_entry_entity', ['entityType', 'entityId', 'id'])
@Index('ix_audit_entry_issue', ['issueId', 'id'])
@Index('ix_audit_entry_at', ['at'])
export class AuditEntry {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: 'When the transaction that wrote it started.' })
  @CreateDateColumn({ type: 'timestamptz' })
  at!: Date;

  @Field({ description: 'API_KEY, ADMIN_TOKEN, CLI or SYSTEM.' })
  @Column({ name: 'actor_kind', type: 'varchar', length: 16 })
  actorKind!: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'actor_key_id', type: 'int', nullable: true })
  actorKeyId!: number | null;

  @Field({ description: 'The key\'s name, "admin token", the command line, or "scheduler".' })
  @Column({ name: 'actor_name', type: 'text' })
  actorName!: string;

  @Field({ description: 'What was done: updateLink, publishIssue, import, retag, ...' })
  @Column({ type: 'varchar', length: 64 })
  action!: string;

  @Field({ description: 'ISSUE, SECTION, LINK, PLACEMENT, SPONSOR, NEWSLETTER, CATEGORY, TAG or API_KEY.' })
  @Column({ name: 'entity_type', type: 'varchar', length: 32 })
  entityType!: string;

  @Field(() => ID, { nullable: true })
  @Column({ name: 'entity_id', type: 'int', nullable: true })
  entityId!: number | null;

  @Field(() => ID, { nullable: true, description: 'The issue the write changed, when it changed one.' })
  @Column({ name: 'issue_id', type: 'int', nullable: true })
  issueId!: number | null;

  @Field(() => GraphQLJSONObject, { description: '{ field: { before, after } } for the fields that changed.' })
  @Column({ type: 'jsonb', default: () => `'{}'` })
  changes!: Record<string, { before: unknown; after: unknown }>;

  @Field(() => GraphQLJSONObject, { nullable: true, description: 'Counts, for bulk writes (imports, retag, merges).' })
  @Column({ type: 'jsonb', nullable: true })
  summary!: Record<string, unknown> | null;
}

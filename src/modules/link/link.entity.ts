import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Section } from '../section/section.entity';
import { Sponsor } from '../sponsor/sponsor.entity';
import { LinkKind } from './link-kind';

/** One item of a section: a titled URL with its summary and read-time label. */
@ObjectType()
@Entity('link')
@Unique('uq_link_section_position', ['sectionId', 'position'])
// Search indexes (migrations/1797000000200-Search.ts): GIN on the document, trigram GIN on the title.
@Index('ix_link_search', { synchronize: false })
@Index('ix_link_title_trgm', { synchronize: false })
// The section beside the id (migrations/1797000000910-LinkIdSection.ts): issue tag filters read it instead of the wide rows.
@Index('ix_link_id_section', { synchronize: false })
export class Link {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'section_id', type: 'int' })
  sectionId!: number;

  @ManyToOne(() => Section, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'section_id', foreignKeyConstraintName: 'fk_link_section' })
  section?: Section;

  @Field(() => Int, { description: 'Order within the section, from 0.' })
  @Column({ type: 'int' })
  position!: number;

  @Field()
  @Column({ type: 'text' })
  title!: string;

  @Field({ description: 'The URL exactly as published.' })
  @Column({ type: 'text' })
  url!: string;

  @Field({
    description:
      'The URL with entities decoded, tracking parameters and share tokens removed and the host lower-cased: links sharing it are one story.',
  })
  @Index('ix_link_canonical_url')
  @Column({ name: 'canonical_url', type: 'text' })
  canonicalUrl!: string;

  @Field({ description: 'Host of the canonical URL without `www.`.' })
  @Index('ix_link_domain')
  @Column({ type: 'varchar', length: 255 })
  domain!: string;

  /** Markdown as printed; served through LinkResolver.summary in the format asked for. */
  @Column({ type: 'text' })
  summary!: string;

  /** The summary as plain text (content/summary.ts), kept for full-text search. */
  @Column({ name: 'summary_text', type: 'text', default: '' })
  summaryText!: string;

  /** Title (weight A) and plain-text summary (weight B) as a text-search document, kept by a trigger; never read as a field. */
  @Column({ name: 'search_document', type: 'tsvector', select: false, insert: false, update: false })
  searchDocument?: string;

  @Field(() => String, { nullable: true, description: 'As printed: "8 minute read", "GitHub Repo".' })
  @Column({ name: 'read_time_label', type: 'text', nullable: true })
  readTimeLabel!: string | null;

  @Field(() => Int, { nullable: true })
  @Column({ name: 'read_minutes', type: 'int', nullable: true })
  readMinutes!: number | null;

  @Field(() => LinkKind)
  @Index('ix_link_kind')
  @Column({ type: 'enum', enum: LinkKind, enumName: 'link_kind', default: LinkKind.OTHER })
  kind!: LinkKind;

  @Field()
  @Column({ type: 'boolean', default: false })
  sponsored!: boolean;

  @Index('ix_link_sponsor')
  @Column({ name: 'sponsor_id', type: 'int', nullable: true })
  sponsorId!: number | null;

  @ManyToOne(() => Sponsor, { onDelete: 'SET NULL', nullable: true })
  @JoinColumn({ name: 'sponsor_id', foreignKeyConstraintName: 'fk_link_sponsor' })
  sponsor?: Sponsor | null;
}

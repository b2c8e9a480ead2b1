import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  Unique,
  UpdateDateColumn,
  VersionColumn,
} from 'typeorm';
import { DateScalar } from '../../common/scalars';
import { Newsletter } from '../newsletter/newsletter.entity';
import { IssueStatus } from './issue-status';

/** One dated edition of a newsletter: headline, sponsor blocks and sections of links. */
@ObjectType()
@Entity('issue')
@Unique('uq_issue_newsletter_date', ['newsletterId', 'date'])
@Index('ix_issue_published_date', ['date', 'id'], { where: `"status" = 'PUBLISHED'` })
@Index('ix_issue_scheduled', ['publishAt'], { where: `"status" = 'SCHEDULED'` })
// GIN on the headline's English text-search document (migrations/1797000000600-IssueHeadlineDocument.ts).
@Index('ix_issue_headline_search', { synchronize: false })
@Check('ck_issue_published_at', `"status" <> 'PUBLISHED' OR "published_at" IS NOT NULL`)
@Check('ck_issue_scheduled_publish_at', `"status" <> 'SCHEDULED' OR "publish_at" IS NOT NULL`)
export class Issue {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'newsletter_id', type: 'int' })
  newsletterId!: number;

  @ManyToOne(() => Newsletter, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'newsletter_id', foreignKeyConstraintName: 'fk_issue_newsletter' })
  newsletter?: Newsletter;

  @Field(() => DateScalar)
  @Column({ type: 'date' })
  date!: string;

  @Field()
  @Column({ type: 'text' })
  headline!: string;

  /** The headline as an English text-search document, kept by a trigger; never read as a field. */
  @Column({ name: 'headline_document', type: 'tsvector', select: false, insert: false, update: false })
  headlineDocument?: string;

  @Field(() => IssueStatus)
  @Column({ type: 'enum', enum: IssueStatus, enumName: 'issue_status', default: IssueStatus.DRAFT })
  status!: IssueStatus;

  @Field(() => Date, { nullable: true, description: 'When the issue went public; kept when it is unpublished.' })
  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'When a SCHEDULED issue is to go public; null otherwise.' })
  @Column({ name: 'publish_at', type: 'timestamptz', nullable: true })
  publishAt!: Date | null;

  /** The version the last import left; a higher version means an editor changed the issue since. */
  @Column({ name: 'imported_version', type: 'int', nullable: true })
  importedVersion!: number | null;

  @Field()
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field()
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => Int, { description: 'Starts at 1 and goes up by one on every change.' })
  @VersionColumn()
  version!: number;
}

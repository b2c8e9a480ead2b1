import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Link } from '../link/link.entity';
import { Tag } from './tag.entity';

/** The many-to-many between links and tags; the tag-first indexes serve tag filters and topic counts. */
@Entity('link_tag')
@Index('ix_link_tag_tag', ['tagId', 'linkId'])
@Index('ix_link_tag_published', ['tagId', 'linkId'], { where: '"published"' })
export class LinkTag {
  @PrimaryColumn({ name: 'link_id', type: 'int' })
  linkId!: number;

  @PrimaryColumn({ name: 'tag_id', type: 'int' })
  tagId!: number;

  /** Whether the link's issue is published: kept by database triggers (migration 1797000000500), never written by the application. */
  @Column({ type: 'boolean', default: false })
  published!: boolean;

  @ManyToOne(() => Link, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'link_id', foreignKeyConstraintName: 'fk_link_tag_link' })
  link?: Link;

  @ManyToOne(() => Tag, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tag_id', foreignKeyConstraintName: 'fk_link_tag_tag' })
  tag?: Tag;
}

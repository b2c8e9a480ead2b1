import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Link } from '../link/link.entity';
import { Tag } from './tag.entity';

/** The many-to-many between links and tags; the tag-first index serves tag filters. */
@Entity('link_tag')
@Index('ix_link_tag_tag', ['tagId', 'linkId'])
export class LinkTag {
  @PrimaryColumn({ name: 'link_id', type: 'int' })
  linkId!: number;

  @PrimaryColumn({ name: 'tag_id', type: 'int' })
  tagId!: number;

  @ManyToOne(() => Link, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'link_id', foreignKeyConstraintName: 'fk_link_tag_link' })
  link?: Link;

  @ManyToOne(() => Tag, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tag_id', foreignKeyConstraintName: 'fk_link_tag_tag' })
  tag?: Tag;
}

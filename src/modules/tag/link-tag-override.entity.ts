import { Column, Entity, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Link } from '../link/link.entity';
import { Tag } from './tag.entity';

/**
 * An editor's decision about one tag of one link: `included` true keeps the
 * tag on the link, false keeps it off, whatever the taxonomy says. Retag and
 * re-imports apply these over the taxonomy's tags.
 */
@Entity('link_tag_override')
export class LinkTagOverride {
  @PrimaryColumn({ name: 'link_id', type: 'int' })
  linkId!: number;

  @PrimaryColumn({ name: 'tag_id', type: 'int' })
  tagId!: number;

  @Column({ type: 'boolean' })
  included!: boolean;

  @ManyToOne(() => Link, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'link_id', foreignKeyConstraintName: 'fk_link_tag_override_link' })
  link?: Link;

  @ManyToOne(() => Tag, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'tag_id', foreignKeyConstraintName: 'fk_link_tag_override_tag' })
  tag?: Tag;
}

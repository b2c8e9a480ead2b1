import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Tag } from './tag.entity';

/** The slug of a tag merged into another: filters, scopes and feeds given it resolve to the target. */
@Entity('tag_alias')
@Index('ix_tag_alias_tag', ['tagId'])
export class TagAlias {
  @PrimaryColumn({ type: 'varchar', length: 64 })
  slug!: string;

  @Column({ name: 'tag_id', type: 'int' })
  tagId!: number;

  @ManyToOne(() => Tag, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'tag_id', foreignKeyConstraintName: 'fk_tag_alias_tag' })
  tag?: Tag;
}

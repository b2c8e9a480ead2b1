import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Category } from './category.entity';

/** The slug of a category merged into another: filters given it resolve to the target. */
@Entity('category_alias')
@Index('ix_category_alias_category', ['categoryId'])
export class CategoryAlias {
  @PrimaryColumn({ type: 'varchar', length: 128 })
  slug!: string;

  @Column({ name: 'category_id', type: 'int' })
  categoryId!: number;

  @ManyToOne(() => Category, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'fk_category_alias_category' })
  category?: Category;
}

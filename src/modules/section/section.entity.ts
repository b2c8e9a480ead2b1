import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Category } from '../category/category.entity';
import { Issue } from '../issue/issue.entity';

/** A titled group of links inside an issue ("Headlines & Launches"). */
@ObjectType()
@Entity('section')
@Unique('uq_section_issue_position', ['issueId', 'position'])
export class Section {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'issue_id', type: 'int' })
  issueId!: number;

  @ManyToOne(() => Issue, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'issue_id', foreignKeyConstraintName: 'fk_section_issue' })
  issue?: Issue;

  @Field(() => Int, { description: 'Order within the issue, from 0.' })
  @Column({ type: 'int' })
  position!: number;

  @Field(() => String, { nullable: true, description: 'Null for the untitled block above the first section.' })
  @Column({ type: 'text', nullable: true })
  title!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  emoji!: string | null;

  @Index('ix_section_category')
  @Column({ name: 'category_id', type: 'int', nullable: true })
  categoryId!: number | null;

  @ManyToOne(() => Category, { onDelete: 'RESTRICT', nullable: true })
  @JoinColumn({ name: 'category_id', foreignKeyConstraintName: 'fk_section_category' })
  category?: Category | null;
}

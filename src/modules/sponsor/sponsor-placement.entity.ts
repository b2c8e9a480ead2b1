import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { Issue } from '../issue/issue.entity';
import { Sponsor } from './sponsor.entity';

/** A sponsor block printed at the top of an issue. */
@ObjectType()
@Entity('sponsor_placement')
@Unique('uq_sponsor_placement_issue_position', ['issueId', 'position'])
export class SponsorPlacement {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ name: 'issue_id', type: 'int' })
  issueId!: number;

  @ManyToOne(() => Issue, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'issue_id', foreignKeyConstraintName: 'fk_sponsor_placement_issue' })
  issue?: Issue;

  @Field(() => Int)
  @Column({ type: 'int' })
  position!: number;

  @Field()
  @Column({ type: 'text' })
  title!: string;

  /** Markdown with its bullets and links; served through SponsorPlacementResolver.body in the format asked for. */
  @Column({ type: 'text' })
  body!: string;

  @Field({ description: 'Call-to-action URL.' })
  @Column({ type: 'text' })
  url!: string;

  @Index('ix_sponsor_placement_sponsor')
  @Column({ name: 'sponsor_id', type: 'int' })
  sponsorId!: number;

  @ManyToOne(() => Sponsor, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'sponsor_id', foreignKeyConstraintName: 'fk_sponsor_placement_sponsor' })
  sponsor?: Sponsor;
}

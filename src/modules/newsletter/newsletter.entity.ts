import { Field, ID, ObjectType } from 'type-graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A newsletter such as "TLDR AI": the publication every issue belongs to. */
@ObjectType()
@Entity('newsletter')
export class Newsletter {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field({ description: 'Stable short name used in filters, e.g. `ai`.' })
  @Column({ type: 'varchar', length: 64, unique: true })
  slug!: string;

  @Field({ description: 'Display name, e.g. "TLDR AI".' })
  @Column({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  tagline!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

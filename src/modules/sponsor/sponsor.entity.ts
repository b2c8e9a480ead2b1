import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An advertiser, identified by its domain so that it is reused across issues. */
@ObjectType()
@Entity('sponsor')
export class Sponsor {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field()
  @Column({ type: 'varchar', length: 255, unique: true })
  domain!: string;

  @Field()
  @Column({ type: 'text' })
  url!: string;
}

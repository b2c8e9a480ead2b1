import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An advertiser, named as its ads name it and identified by a key (`domain`) so that it is reused across issues. */
@ObjectType()
@Entity('sponsor')
export class Sponsor {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field({
    description: "The advertiser's key: its own site's registrable domain, or its name folded to lower-case letters and digits when its ads link only through shorteners or event platforms.",
  })
  @Column({ type: 'varchar', length: 255, unique: true })
  domain!: string;

  @Field({ description: "The advertiser's site; empty when its ads never link to it." })
  @Column({ type: 'text' })
  url!: string;
}

import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A kind of section shared across issues ("Quick Links"), so category filters span the archive. */
@ObjectType()
@Entity('category')
export class Category {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field()
  @Column({ type: 'varchar', length: 128, unique: true })
  slug!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;
}

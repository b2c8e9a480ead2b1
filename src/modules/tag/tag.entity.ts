import { Field, ID, ObjectType } from 'type-graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A topic partners pull links by (llm, security, rust, ...). */
@ObjectType()
@Entity('tag')
export class Tag {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id!: number;

  @Field()
  @Column({ type: 'varchar', length: 64, unique: true })
  slug!: string;

  @Field()
  @Column({ type: 'text' })
  name!: string;
}

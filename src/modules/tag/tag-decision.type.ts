import { Field, ObjectType } from 'type-graphql';
import { Tag } from './tag.entity';

/** An editor's decision about one tag of a link; it holds over the taxonomy in retag and re-imports. */
@ObjectType({ description: "An editor's decision about one tag of a link, which retag and re-imports keep." })
export class TagDecision {
  @Field(() => Tag)
  tag!: Tag;

  @Field({ description: 'True: the editor put the tag on the link (or kept it); false: the editor took it off.' })
  included!: boolean;
}

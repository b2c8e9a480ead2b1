import { IsBoolean, IsOptional, Matches, MaxLength, MinLength } from '../../common/validation';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Issue } from '../issue/issue.entity';

export enum ImportStatus {
  CREATED = 'CREATED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
}

registerEnumType(ImportStatus, { name: 'ImportStatus' });

export enum ImportWarningCode {
  EMPTY_TITLE = 'EMPTY_TITLE',
}

registerEnumType(ImportWarningCode, {
  name: 'ImportWarningCode',
  valuesConfig: { EMPTY_TITLE: { description: 'An item whose title is empty or only punctuation (such as ")"): left out.' } },
});

@ObjectType({ description: 'Something the import left out, and why.' })
export class ImportWarning {
  @Field(() => ImportWarningCode)
  code!: ImportWarningCode;

  @Field(() => String, { description: 'Which item, and where it pointed, in words.' })
  message!: string;
}

/** Largest document accepted over GraphQL; real issues are 10 to 40 KB. */
export const MAX_MARKDOWN_LENGTH = 1_000_000;

@InputType()
export class ImportIssueInput {
  @Field(() => String, { nullable: true, description: 'Newsletter slug; read from the `# ` heading when omitted.' })
  @IsOptional()
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'newsletter must be a slug such as "ai"' })
  newsletter?: string;

  @Field({ description: 'The issue as its web page renders to markdown.' })
  @MinLength(1)
  @MaxLength(MAX_MARKDOWN_LENGTH)
  markdown!: string;

  @Field({ defaultValue: false, description: 'Report what would change without writing anything.' })
  @IsBoolean()
  dryRun!: boolean;
}

@ObjectType()
export class ImportIssuePayload {
  @Field(() => ImportStatus, { description: 'What the import did (or, on a dry run, would do).' })
  status!: ImportStatus;

  @Field()
  dryRun!: boolean;

  @Field(() => String)
  newsletter!: string;

  @Field(() => String, { description: 'Issue date, YYYY-MM-DD.' })
  date!: string;

  @Field(() => Int)
  linkCount!: number;

  @Field(() => [String], { description: 'What changed, in words; empty when unchanged.' })
  changes!: string[];

  @Field({
    description:
      'True when the import replaces (on a dry run: would replace) an issue editors changed since its last import ' +
      '(or one no import created). Tags editors set or removed on the links it keeps survive either way.',
  })
  overwritesEdits!: boolean;

  @Field(() => [String], { description: 'What it replaces of the editors\' version, in the words of `changes`; empty unless overwritesEdits.' })
  overwrites!: string[];

  @Field(() => [ImportWarning], { description: 'Items left out of the issue, and why; empty for a clean issue.' })
  warnings!: ImportWarning[];

  @Field(() => Issue, { nullable: true, description: 'The stored issue; null on a dry run of a new issue.' })
  issue!: Issue | null;
}

import { registerEnumType } from 'type-graphql';

/** Lifecycle of an issue; only PUBLISHED issues are visible to the public. */
export enum IssueStatus {
  DRAFT = 'DRAFT',
  SCHEDULED = 'SCHEDULED',
  PUBLISHED = 'PUBLISHED',
}

registerEnumType(IssueStatus, { name: 'IssueStatus' });

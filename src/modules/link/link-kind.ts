import { registerEnumType } from 'type-graphql';
import type { LinkKind as ParsedLinkKind } from '../../import/parsed-issue';

/** What a link points at, derived from its read-time label and URL. */
export enum LinkKind {
  ARTICLE = 'ARTICLE',
  REPO = 'REPO',
  VIDEO = 'VIDEO',
  PODCAST = 'PODCAST',
  THREAD = 'THREAD',
  PRODUCT = 'PRODUCT',
  JOB = 'JOB',
  HOUSE_AD = 'HOUSE_AD',
  OTHER = 'OTHER',
}

registerEnumType(LinkKind, {
  name: 'LinkKind',
  valuesConfig: { HOUSE_AD: { description: "The newsletter's own ad, labelled as a sponsor: it credits no sponsor." } },
});

/** Compile-time proof that the importer's kinds and the stored kinds are the same set. */
export const LINK_KINDS: Record<ParsedLinkKind, LinkKind> = LinkKind;

/**
 * What a link's URL and label say about it, derived the same way whether the
 * link was imported or typed in by an editor.
 */
import { isSponsored, LinkKind, linkKind, readMinutes } from './label';
import { creditSponsor } from './sponsor-name';
import { canonicalizeUrl, domainOf } from './url';

export interface DerivedLinkFields {
  canonicalUrl: string;
  domain: string;
  readMinutes: number | null;
  kind: LinkKind;
  sponsored: boolean;
}

/**
 * The fields of a link from its URL and label; given its title and summary too, a link
 * labelled as sponsored that is the newsletter's own ad is of kind HOUSE_AD.
 */
export function deriveLinkFields(url: string, label: string | null, text?: { title: string; summary: string }): DerivedLinkFields {
  const canonicalUrl = canonicalizeUrl(url);
  const sponsored = isSponsored(label);
  const house = sponsored && creditSponsor({ title: text?.title ?? '', body: text?.summary ?? '', url }).kind === 'HOUSE';
  return {
    canonicalUrl,
    domain: domainOf(canonicalUrl),
    readMinutes: readMinutes(label),
    kind: house ? 'HOUSE_AD' : linkKind(label, canonicalUrl),
    sponsored,
  };
}

/**
 * What a link's URL and label say about it, derived the same way whether the
 * link was imported or typed in by an editor.
 */
import { isSponsored, LinkContext, LinkKind, linkKind, readMinutes } from './label';
import { creditSponsor, SponsorCredit } from './sponsor-name';
import { canonicalizeUrl, domainOf } from './url';

export interface DerivedLinkFields {
  canonicalUrl: string;
  domain: string;
  readMinutes: number | null;
  kind: LinkKind;
  sponsored: boolean;
}

/**
 * The fields of a link from its URL and label. Given its title and summary (or the sponsor
 * credit already read from them), a sponsored link that is the newsletter's own ad is of
 * kind HOUSE_AD; given where it is printed, a place-only label in a job section makes a JOB.
 */
export function deriveLinkFields(
  url: string,
  label: string | null,
  text?: { title: string; summary: string; credit?: SponsorCredit },
  context: LinkContext = {},
): DerivedLinkFields {
  const canonicalUrl = canonicalizeUrl(url);
  const sponsored = isSponsored(label);
  const credit = sponsored ? (text?.credit ?? creditSponsor({ title: text?.title ?? '', body: text?.summary ?? '', url })) : null;
  return {
    canonicalUrl,
    domain: domainOf(canonicalUrl),
    readMinutes: readMinutes(label),
    kind: credit?.kind === 'HOUSE' ? 'HOUSE_AD' : linkKind(label, canonicalUrl, context),
    sponsored,
  };
}

/**
 * What a link's URL and label say about it, derived the same way whether the
 * link was imported or typed in by an editor.
 */
import { isSponsored, LinkKind, linkKind, readMinutes } from './label';
import { canonicalizeUrl, domainOf } from './url';

export interface DerivedLinkFields {
  canonicalUrl: string;
  domain: string;
  readMinutes: number | null;
  kind: LinkKind;
  sponsored: boolean;
}

export function deriveLinkFields(url: string, label: string | null): DerivedLinkFields {
  const canonicalUrl = canonicalizeUrl(url);
  return {
    canonicalUrl,
    domain: domainOf(canonicalUrl),
    readMinutes: readMinutes(label),
    kind: linkKind(label, canonicalUrl),
    sponsored: isSponsored(label),
  };
}

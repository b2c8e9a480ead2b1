/**
 * Which query parameters say how a reader reached an article rather than which
 * article it is (read by url.ts). Names are compared lower-cased.
 */

/** Parameters that only say who sent the reader: dropped from identities and from links shown to readers. */
export const TRACKING_PARAMS: ReadonlySet<string> = new Set([
  // Google, Microsoft, Meta, X, TikTok, LinkedIn, Reddit and other ad clicks
  '_ga', '_gl', 'dclid', 'fbclid', 'gad_campaignid', 'gad_source', 'gbraid', 'gclid', 'gclsrc', 'igsh', 'igshid',
  'li_fat_id', 'msclkid', 'rdt_cid', 'srsltid', 'ttclid', 'twclid', 'wbraid', 'yclid', 'epik', 'irclickid',
  // mailing and marketing platforms (HubSpot, Mailchimp, Marketo, Eloqua, Salesforce, Klaviyo, Kit, MailerLite, Drip, Vero)
  '_hsenc', '_hsmi', '__hssc', '__hstc', '__hsfp', 'hsctatracking', 'mc_cid', 'mc_eid', 'mkt_tok', 'elq', 'elqaid',
  'elqat', 'elqcampaignid', 'elqtrack', 'elqtrackid', 'sfmc_id', 'sfmc_sub', '_kx', 'ck_subscriber_id', 'ml_subscriber',
  'ml_subscriber_hash', '__s', 'vero_conv', 'vero_id', 'vgo_ee', 'wickedid', 'oly_anon_id', 'oly_enc_id',
  // campaign and affiliate ids, link shorteners' click ids (Dub), site analytics
  'aff_id', 'affiliate_id', 'campaign_id', 'sfcampaign_id', 'cmpid', 'icid', 'ncid', 's_cid', 's_kwcid', 'ef_id',
  'rb_clickid', 'dub_id', 'wt_mc', 'wt_zmc', 'xtor', 'at_medium', 'at_campaign', '_branch_match_id', '_branch_referrer',
  // referral markers whatever their value, share-sheet ids, feed markers
  'reflink', 'ref_src', 'ref_url', 'share_id', 'smid', 'scid', 'trk', 'rss', 'triedredirect', 'showwelcomeonshare',
  // Yahoo's consent redirect
  'guccounter', 'guce_referrer', 'guce_referrer_sig',
]);

/** Prefixes of tracking-parameter families: Google (utm_), Matomo (mtm_), Piwik (pk_), HubSpot ads (hsa_), Adobe and AWS (sc_). */
export const TRACKING_PREFIXES: readonly string[] = ['utm_', 'mtm_', 'pk_', 'hsa_', 'sc_'];

/**
 * Share and gift tokens: they let one reader past a paywall, so the same
 * article shared twice looks like two. Dropped from identities, kept in links
 * shown to readers (removing them would lock the reader out).
 */
export const SHARE_TOKEN_PARAMS: ReadonlySet<string> = new Set([
  'accesstoken', 'unlocked_article_code', 'gift', 'giftcode', 'gift_code', 'giftid', 'gift_id', 'gifttoken', 'gift_token',
  'pwapi_token', 'share', 'shared', 'sharetoken', 'share_token', 'sharetype', 'share_type',
]);

/**
 * `ref` names a referrer everywhere (`?ref=producthunt`, `?ref=blog.example.com`)
 * except on code hosts, where it names a branch, tag or commit unless its value names a newsletter or feed.
 */
export const REF_PARAMS: ReadonlySet<string> = new Set(['ref']);
export const CODE_HOST = /(?:^|\.)(?:github\.com|githubusercontent\.com|gitlab\.com|bitbucket\.org|codeberg\.org|sr\.ht|gitea\.com)$|^git(?:lab|ea)?\./;

/** Generic names that are tracking only when their value names a newsletter, feed or share sheet (`source=rss`). */
export const REFERRER_PARAMS: ReadonlySet<string> = new Set(['referrer', 'source', 'src', 'mod', 'partner', 'via', 'cmp', 'from']);
export const REFERRER_VALUE = /tldr|newsletter|e-?mail|rss|feed|share|social/i;

/** Names whose value has one site's shape wherever they appear: Medium's `gi` tracking id and `sk` friend-link token. */
export const SHAPED_PARAMS: ReadonlyArray<readonly [name: string, value: RegExp, kind: ParamKind]> = [
  ['gi', /^[0-9a-f]{12}$/, 'tracking'],
  ['sk', /^[0-9a-f]{32}$/, 'share'],
];

export type ParamKind = 'tracking' | 'share';

/** Parameters that are tracking or share tokens on particular sites only. */
export const SITE_PARAMS: ReadonlyArray<readonly [host: RegExp, params: Readonly<Record<string, ParamKind>>]> = [
  [/(?:^|\.)(?:x|twitter)\.com$/, { s: 'tracking', t: 'tracking' }],
  [/(?:^|\.)(?:youtube\.com|youtu\.be)$/, { si: 'tracking', feature: 'tracking', pp: 'tracking', ab_channel: 'tracking' }],
  [/(?:^|\.)spotify\.com$/, { si: 'tracking' }],
  [/(?:^|\.)wsj\.com$/, { st: 'share', mod: 'tracking' }],
  [/(?:^|\.)medium\.com$/, { sk: 'share', gi: 'tracking', source: 'tracking' }],
  [/(?:^|\.)substack\.com$/, { r: 'tracking', s: 'tracking' }],
  [/(?:^|\.)linkedin\.com$/, { trackingid: 'tracking', lipi: 'tracking', rcm: 'tracking', refid: 'tracking' }],
  [/(?:^|\.)ft\.com$/, { token: 'share', segmentid: 'tracking' }],
  [/(?:^|\.)nytimes\.com$/, { sgrp: 'tracking', smtyp: 'tracking' }],
  [/(?:^|\.)bloomberg\.com$/, { srnd: 'tracking', leadsource: 'tracking', 'embedded-checkout': 'tracking' }],
  [/(?:^|\.)washingtonpost\.com$/, { itid: 'tracking' }],
  [/(?:^|\.)theinformation\.com$/, { rc: 'tracking' }],
  [/(?:^|\.)threads\.(?:net|com)$/, { xmt: 'share' }],
  [/(?:^|\.)tiktok\.com$/, { _r: 'tracking', _t: 'tracking', is_from_webapp: 'tracking', sender_device: 'tracking' }],
];

/**
 * Which newsletter an issue belongs to, read from the name in its `# ` heading:
 * "TLDR AI", or a tagline such as "Get smarter about AI in 5 minutes".
 */

export interface NewsletterName {
  /** Stable identifier, as in archive paths: `tech`, `ai`, `infosec`. */
  slug: string;
  /** Name to show: "TLDR AI". */
  name: string;
}

interface KnownNewsletter extends NewsletterName {
  /** Other spellings of the `# ` heading name. */
  aliases: readonly string[];
  /** Topic words that identify it in a tagline ("Improve your DevOps skills in 5 minutes"). */
  taglineWords: RegExp;
}

const KNOWN_NEWSLETTERS: readonly KnownNewsletter[] = [
  { slug: 'tech', name: 'TLDR', aliases: ['TLDR Tech', 'TLDR Newsletter'], taglineWords: /\btech\b/i },
  { slug: 'ai', name: 'TLDR AI', aliases: [], taglineWords: /\bai\b|\bartificial intelligence\b/i },
  { slug: 'webdev', name: 'TLDR Web Dev', aliases: ['TLDR WebDev', 'TLDR Web Development'], taglineWords: /\bweb ?dev/i },
  { slug: 'infosec', name: 'TLDR InfoSec', aliases: ['TLDR Information Security', 'TLDR Security'], taglineWords: /\binfo ?sec\b|\bsecurity\b/i },
  { slug: 'product', name: 'TLDR Product', aliases: ['TLDR Product Management'], taglineWords: /\bproduct\b/i },
  { slug: 'devops', name: 'TLDR DevOps', aliases: [], taglineWords: /\bdevops\b/i },
  { slug: 'founders', name: 'TLDR Founders', aliases: ['TLDR Founder'], taglineWords: /\bfounders?\b|\bstartups?\b/i },
  { slug: 'design', name: 'TLDR Design', aliases: [], taglineWords: /\bdesign\b/i },
  { slug: 'marketing', name: 'TLDR Marketing', aliases: [], taglineWords: /\bmarketing\b/i },
  { slug: 'crypto', name: 'TLDR Crypto', aliases: ['TLDR Web3'], taglineWords: /\bcrypto\b|\bweb3\b/i },
  { slug: 'data', name: 'TLDR Data', aliases: [], taglineWords: /\bdata\b/i },
  { slug: 'it', name: 'TLDR IT', aliases: [], taglineWords: /\bIT\b/ },
  { slug: 'fintech', name: 'TLDR Fintech', aliases: [], taglineWords: /\bfintech\b/i },
  { slug: 'hardware', name: 'TLDR Hardware', aliases: [], taglineWords: /\bhardware\b/i },
];

/** The 2025 headings replace the name with "<promise> in 5 minutes". */
const TAGLINE = /\bin \d+ min(?:ute)?s?\b/i;

const BY_KEY: ReadonlyMap<string, KnownNewsletter> = new Map(
  KNOWN_NEWSLETTERS.flatMap((newsletter) =>
    [newsletter.name, ...newsletter.aliases].map((name) => [nameKey(name), newsletter] as const),
  ),
);

/** Every newsletter the importer can recognise by its heading. */
export const NEWSLETTERS: readonly NewsletterName[] = KNOWN_NEWSLETTERS.map(({ slug, name }) => ({ slug, name }));

/** The newsletter a heading name stands for, or null when it is not recognised. */
export function newsletterFromHeading(heading: string): NewsletterName | null {
  const known = BY_KEY.get(nameKey(heading)) ?? fromTagline(heading);
  return known ? { slug: known.slug, name: known.name } : null;
}

/** A tagline names its newsletter by exactly one topic word; two or none is no answer. */
function fromTagline(heading: string): KnownNewsletter | undefined {
  if (!TAGLINE.test(heading)) return undefined;
  const matches = KNOWN_NEWSLETTERS.filter((newsletter) => newsletter.taglineWords.test(heading));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Case, spaces and punctuation do not distinguish names: "TLDR Web Dev" = "tldr webdev". */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

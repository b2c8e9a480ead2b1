/**
 * A deterministic archive shaped like the real one: the corpus's newsletters,
 * sections per issue, links per section, label mix, reading times, title,
 * summary and URL lengths, sponsors per issue and Unicode, measured on the 66
 * issues (982 items) of ../shared/corpus. The words are the project's own.
 */
import { random, SyntheticIssue } from './synthetic-archive';

/** [value, weight] pairs; a value is drawn with probability weight / sum of weights. */
type Weighted<T> = ReadonlyArray<readonly [T, number]>;

/** Each newsletter's share of the corpus and its sections (a sixth, "Jobs", appears now and then in TLDR). */
const NEWSLETTERS: Weighted<readonly [string, string, readonly string[]]> = [
  [['TLDR', 'tldrnewsletter', ['Big Tech & Startups', 'Science & Futuristic Technology', 'Programming, Design & Data Science', 'Miscellaneous', 'Quick Links']], 20],
  [['TLDR AI', 'tldrai', ['Headlines & Launches', 'Research & Innovation', 'Engineering & Resources', 'Miscellaneous', 'Quick Links']], 16],
  [['TLDR DevOps', 'tldrdevops', ['News & Trends', 'Opinions & Tutorials', 'Miscellaneous', 'Quick Links']], 14],
  [['TLDR InfoSec', 'tldrinfosec', ['Attacks & Vulnerabilities', 'Strategies & Tactics', 'Launches & Tools', 'Miscellaneous', 'Quick Links']], 8],
  [['TLDR Data', 'tldrdata', ['Deep Dives', 'Opinions & Advice', 'Launches & Tools', 'Miscellaneous', 'Quick Links']], 8],
];
const LINKS_PER_SECTION: Weighted<number> = [[2, 126], [3, 133], [4, 32], [5, 5], [6, 10], [7, 9], [8, 1]];
const SECTION_SPONSORS: Weighted<number> = [[0, 21], [1, 31], [2, 12], [3, 2]];
const TOP_BLOCK: Weighted<'sponsor' | 'job' | 'none'> = [['sponsor', 44], ['none', 19], ['job', 3]];
const MINUTES: Weighted<number> = [
  [1, 41], [2, 128], [3, 105], [4, 75], [5, 77], [6, 58], [7, 34], [8, 33], [9, 22], [10, 24], [11, 10], [12, 22], [13, 16],
  [14, 20], [15, 12], [16, 9], [17, 6], [18, 5], [19, 6], [20, 6], [22, 5], [25, 4], [28, 4], [30, 3], [34, 3], [40, 2], [45, 1],
];
/** Labels other than reading times and "Sponsor", with their counts among the corpus's 877 other items. */
const OTHER_LABELS: Weighted<string> = [
  ['GitHub Repo', 83], ['Product', 8], ['Product Launch', 7], ['Website', 3], ['Tool', 2], ['Book', 2], ['WebApp', 1],
  ['Hugging Face Repo', 1], ['Hacker News Thread', 1], ['Reddit Thread', 1], ['GitHub PR', 1],
];
const MEDIA_LABELS: Weighted<string> = [['minute podcast', 3], ['minute video', 2], ['minute presentation', 1]];
/** Percentiles 0, 5, 10, 20 … 90, 95, 99, 100 of the corpus's title, summary and URL lengths in characters. */
const PERCENTILES = [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99, 1];
const TITLE_LENGTHS = [4, 9, 17, 28, 37, 45, 53, 60, 64, 72, 81, 89, 107, 129];
const SUMMARY_LENGTHS = [30, 90, 116, 162, 224, 283, 344, 397, 445, 509, 613, 774, 1130, 2463];
const PATH_LENGTHS = [1, 12, 16, 24, 34, 44, 52, 62, 74, 86, 104, 124, 360, 430];
const EMOJI = ['🚀', '🧠', '🧑‍💻', '🎁', '⚡️', '📱', '💻', '👨‍💻', '🔬', '💰', '🔓', '🔒', '🧱', '📈', '☁️', '🤖', '📊', '💡'];
/** Non-ASCII characters of running text, about 0.6 per summary and 0.1 per title. */
const TYPOGRAPHY = ['’', '’', '’', '—', '“', '”', '‑', '→', '–', '\u00a0'];

const FUNCTION_WORDS = (
  'the the the a a of of to to and and in in for is on that with as by it its from at this an are be has have was ' +
  'can will more new how which their about into over than also while such after using without between through'
).split(' ');
const GENERAL_WORDS = (
  'company users system release feature support platform team performance tool service version update approach ' +
  'network cost market customers product application framework library workflow teams storage pipeline deployment ' +
  'production memory device results accuracy interface design process growth plans time months years work people ' +
  'changes problem problems way ways number group set level part parts case cases point value scale quality ' +
  'speed focus goal goals price prices access option options steps lessons experience details insights view'
).split(' ');
/** Words that point at a topic, about one in twelve words of real summaries. */
const TOPIC_WORDS = (
  'data model developers code infrastructure engineers latency query deployment browser phone chip training inference ' +
  'agents security vulnerability attackers patch breach funding startup valuation revenue investors researchers paper ' +
  'benchmark reasoning compute servers cloud cluster database container kernel compiler language runtime API SDK ' +
  'privacy regulation lawsuit government energy battery satellite rocket robot vehicle quantum open-source'
).split(' ');
const NAMES = (
  'Google Apple Microsoft OpenAI Amazon Meta Nvidia Anthropic AWS GitHub Linux Kubernetes Rust Python Tesla SpaceX ' +
  'Postgres Docker Terraform Cloudflare Gemini Claude ChatGPT Llama Azure Kafka Snowflake Databricks Chrome Android'
).split(' ');
const NEWS_SITES = (
  'techcrunch.com www.theverge.com arxiv.org arstechnica.com aws.amazon.com www.wsj.com www.theregister.com ' +
  'www.bleepingcomputer.com www.cnbc.com x.com www.bloomberg.com cloud.google.com openai.com huggingface.co ' +
  'www.reuters.com medium.com substack.com www.youtube.com blog.google www.infoq.com'
).split(' ');
const SYLLABLES = 'ka ret lo min sa vo tek ra lum en dar is on vi za pel cor nex tra qu io fy ly ble mo'.split(' ');

/** Issue `n` of a real-shaped archive: newsletters in their corpus shares, each on its own run of days. */
export function realShapedIssue(n: number): SyntheticIssue {
  const g = new Generator(n + 7919);
  g.about();
  const [heading, utm, sectionTitles] = g.weighted(NEWSLETTERS);
  const titles = heading === 'TLDR' && g.chance(0.05) ? [...sectionTitles, 'Jobs'] : sectionTitles;
  const date = new Date(Date.UTC(2018, 0, 1) + n * 86400000).toISOString().slice(0, 10);
  const query = `?utm_source=${utm}`;
  const lines = [`${g.headline()}`, '', '[TLDR](/)', '', `# ${heading} ${date}`, '', `## ${g.headline()}`, '', '### ', ''];
  let links = 0;
  const top = g.weighted(TOP_BLOCK);
  if (top === 'sponsor') lines.push(...g.sponsorItem(query));
  if (top === 'job') {
    links += 1;
    lines.push(`[### TLDR is hiring ${g.title(40)} (Fully Remote, $${g.int(60, 140)}/hr)](mailto:jobs@tldr.tech)`, '', g.summary(), '');
  }
  const counts = titles.map(() => g.weighted(LINKS_PER_SECTION));
  const sponsorAt = new Set(Array.from({ length: g.weighted(SECTION_SPONSORS) }, () => g.int(0, counts.reduce((a, b) => a + b) - 1)));
  let item = 0;
  titles.forEach((title, s) => {
    lines.push(g.pick(EMOJI), '', `### ${title}`, '');
    for (let k = 0; k < counts[s]; k++, item++, links++) lines.push(...(sponsorAt.has(item) ? g.sponsorItem(query) : g.item(query)));
  });
  lines.push('## The most important tech news in a free daily email.', '', 'Subscribe', '', '[Privacy](/privacy)[Advertise](/advertise)', '');
  return { name: `${utm}-${date}.md`, markdown: lines.join('\n'), links };
}

/** Draws the parts of one issue from a seeded PRNG (mulberry32). */
class Generator {
  /** The next number of the seeded sequence, in [0, 1). */
  readonly next: () => number;
  /** The topic words and names of the item being written: a link is about a few things, as real ones are. */
  private subject: string[] = [];

  constructor(seed: number) {
    this.next = random(seed);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(entries: Weighted<T>): T {
    let left = this.next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of entries) if ((left -= weight) < 0) return value;
    return entries[entries.length - 1][0];
  }

  /** A length drawn from percentiles, interpolating linearly between them. */
  length(values: readonly number[]): number {
    const p = this.next();
    const i = PERCENTILES.findIndex((q) => q >= p);
    const span = PERCENTILES[i] - PERCENTILES[i - 1] || 1;
    return Math.round(values[i - 1] + ((values[i] - values[i - 1]) * (p - PERCENTILES[i - 1])) / span);
  }

  word(): string {
    const roll = this.next();
    if (roll < 0.45) return this.pick(FUNCTION_WORDS);
    if (roll < 0.72) return this.pick(GENERAL_WORDS);
    if (roll < 0.95) return this.pick(this.subject);
    return `${this.pick(GENERAL_WORDS)}${this.pick(TYPOGRAPHY)}s`;
  }

  /** Words up to `length` characters, as a title: capitalised, now and then an emoji. */
  title(length: number): string {
    const words: string[] = [];
    for (let used = 0; used < length; used += words[words.length - 1].length + 1) {
      const word = this.word();
      words.push(this.chance(0.6) ? word[0].toUpperCase() + word.slice(1) : word);
    }
    if (this.chance(0.03)) words.unshift(this.pick(EMOJI));
    return words.join(' ');
  }

  /** Sentences up to about `length` characters, in paragraphs, now and then with an inline link. */
  summary(length = this.length(SUMMARY_LENGTHS)): string {
    const paragraphs: string[] = [];
    let text = '';
    for (let written = 60; written < length; ) {
      const words = Array.from({ length: this.int(8, 26) }, () => this.word());
      if (this.chance(0.03)) words.push(`[${this.word()} ${this.word()}](https://${this.pick(NEWS_SITES)}/${this.slug(30)})`);
      if (this.chance(0.15)) words.splice(this.int(1, words.length - 1), 0, this.pick(TYPOGRAPHY));
      const sentence = `${words[0][0].toUpperCase()}${words.join(' ').slice(1)}.`;
      text += `${text && ' '}${sentence}`;
      written += sentence.length + 1;
      if (text.length > 450 && written < length - 100 && this.chance(0.04)) {
        paragraphs.push(text);
        text = '';
      }
    }
    return [...paragraphs, text].join('\n\n');
  }

  slug(length: number): string {
    const words: string[] = [];
    for (let used = 0; used < length; used += words[words.length - 1].length + 1) words.push(this.pick(GENERAL_WORDS).toLowerCase());
    return words.join('-');
  }

  headline(): string {
    return Array.from({ length: 3 }, () => `${this.title(this.int(12, 30))} ${this.pick(EMOJI)}`).join(', ');
  }

  label(): string {
    const roll = this.next();
    if (roll < 0.855) return `${this.weighted(MINUTES)} minute read`;
    if (roll < 0.993) return this.weighted(OTHER_LABELS);
    return `${this.int(3, 50)} ${this.weighted(MEDIA_LABELS)}`;
  }

  /** Chooses what the next item is about. */
  about(): void {
    this.subject = [this.pick(TOPIC_WORDS), this.pick(TOPIC_WORDS), this.pick(TOPIC_WORDS), this.pick(TOPIC_WORDS), this.pick(NAMES), this.pick(NAMES)];
  }

  item(query: string): string[] {
    this.about();
    const label = this.label();
    const site = label.includes('GitHub') ? 'github.com' : this.chance(0.55) ? this.pick(NEWS_SITES) : `${this.company().toLowerCase()}.com`;
    const url = `https://${site}/${this.slug(this.length(PATH_LENGTHS))}${query}`;
    return [`[### ${this.title(this.length(TITLE_LENGTHS))} (${label})](${url})`, '', this.summary(), ''];
  }

  /** An ad naming its advertiser, linking to the advertiser's site with campaign parameters, often with bullets. */
  sponsorItem(query: string): string[] {
    this.about();
    const name = this.company();
    const url = `https://${this.chance(0.2) ? 'get' : ''}${name.toLowerCase()}.${this.pick(['com', 'io', 'ai', 'dev'])}/${this.slug(20)}`;
    const campaign = `${query}&amp;utm_medium=newsletter&amp;utm_campaign=${this.slug(16)}`;
    const body = [`${name} ${this.summary(this.length(SUMMARY_LENGTHS))}`];
    if (this.chance(0.4)) body.push(Array.from({ length: this.int(2, 4) }, () => `- ${this.title(this.int(20, 60))}`).join('\n'));
    if (this.chance(0.5)) body.push(`[Try ${name} free](${url}${campaign})`);
    return [`[### ${this.title(this.length(TITLE_LENGTHS))} with ${name} (Sponsor)](${url}${campaign})`, '', body.join('\n\n'), ''];
  }

  /** One of about 900 made-up advertisers and sites. */
  company(): string {
    const name = Array.from({ length: this.int(2, 3) }, () => this.pick(SYLLABLES)).join('');
    return name[0].toUpperCase() + name.slice(1);
  }
}

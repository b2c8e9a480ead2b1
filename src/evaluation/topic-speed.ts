/** How fast the topic classifier tags real links: every link of the corpus, tagged again and again for a while. */
import { matchTopics, TaggableLink } from '../content/taxonomy';
import { corpusFiles, corpusItems, plannedLink } from './corpus-items';

/** Tagging goes on until at least this long has passed, so the figure is not one cold pass. */
const MIN_MILLISECONDS = 2000;

export interface TopicSpeed {
  links: number;
  passes: number;
  milliseconds: number;
  linksPerSecond: number;
}

/** Times `matchTopics` alone over every link of the corpus (parsing is done before the clock starts). */
export function measureTopicSpeed(corpusDir: string, minMilliseconds = MIN_MILLISECONDS): TopicSpeed {
  const links: TaggableLink[] = corpusFiles(corpusDir).flatMap((file) =>
    corpusItems(corpusDir, file).flatMap((item) => {
      const link = plannedLink(item);
      return link ? [{ title: link.title, summary: link.summary, domain: link.domain }] : [];
    }),
  );
  for (const link of links) matchTopics(link);
  const started = process.hrtime.bigint();
  let passes = 0;
  let milliseconds = 0;
  while (passes === 0 || milliseconds < minMilliseconds) {
    for (const link of links) matchTopics(link);
    passes++;
    milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
  }
  return { links: links.length, passes, milliseconds, linksPerSecond: (links.length * passes * 1000) / Math.max(milliseconds, 1e-3) };
}

export function topicSpeedLines(speed: TopicSpeed): string[] {
  return [
    `Topic classifier: ${speed.links} corpus links × ${speed.passes} passes in ${Math.round(speed.milliseconds)} ms = ` +
      `${Math.round(speed.linksPerSecond)} links/s (tagging alone, one core)`,
  ];
}

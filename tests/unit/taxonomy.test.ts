import { matchTopics, TOPICS } from '../../src/content/taxonomy';

const link = (title: string, summary = '', domain = 'blog.kettle.io') => ({ title, summary, domain });

describe('TOPICS', () => {
  test('offers at least 30 topics with unique slugs, in slug order', () => {
    const slugs = TOPICS.map((topic) => topic.slug);
    expect(slugs.length).toBeGreaterThanOrEqual(30);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toEqual([...slugs].sort());
    expect(TOPICS.every((topic) => /^[a-z][a-z-]*$/.test(topic.slug) && topic.name.length > 0)).toBe(true);
  });
});

describe('matchTopics', () => {
  test.each([
    ['Kettle ships a Rust rewrite of its queue', '', ['programming-languages', 'rust']],
    ['Patch now: CVE-2031-1234 lets attackers bypass login', '', ['security']],
    ['Teapot raises $40M Series B to build humanoid robots', '', ['funding', 'robotics']],
    ['Tips for Postgres query planner hints', '', ['databases']],
    ['Diffusion models paint with tea', 'A new paper on arXiv shows image generation from leaves.', ['generative-media', 'research']],
  ])('tags "%s"', (title, summary, expected) => {
    expect(matchTopics(link(title, summary))).toEqual(expect.arrayContaining(expected));
  });

  test('uses the domain and its parent domains', () => {
    expect(matchTopics(link('Kettle', '', 'kubernetes.io'))).toContain('kubernetes');
    expect(matchTopics(link('Kettle', '', 'github.com'))).toContain('open-source');
    expect(matchTopics(link('Kettle', '', 'eng.arxiv.org'))).toContain('research');
  });

  test('matches whole words only', () => {
    expect(matchTopics(link('Maintaining a rusty bicycle'))).not.toContain('rust');
    expect(matchTopics(link('Said the AIrline'))).not.toContain('ai');
  });

  test('respects capitalisation where it carries the meaning', () => {
    expect(matchTopics(link('Written in Go for speed'))).toContain('go');
    expect(matchTopics(link('Ready to go home'))).not.toContain('go');
    expect(matchTopics(link('Meta releases a model'))).toContain('big-tech');
    expect(matchTopics(link('A meta analysis of kettles'))).not.toContain('big-tech');
  });

  test('trusts broad words only in the title', () => {
    expect(matchTopics(link('Moving our kettles to the cloud'))).toContain('cloud');
    expect(matchTopics(link('Kettle notes', 'The sky was cloud free.'))).not.toContain('cloud');
  });

  test('ignores link targets inside the summary', () => {
    expect(matchTopics(link('Kettle notes', 'Read [more](https://kettle.io/?utm_source=tldr-ai).'))).not.toContain('ai');
  });

  test('returns sorted slugs without duplicates', () => {
    const topics = matchTopics(link('OpenAI and Google ship LLM agents', 'GPT and Gemini agents use MCP; OpenAI agents again.'));
    expect(topics).toEqual([...new Set(topics)].sort());
    expect(topics).toEqual(expect.arrayContaining(['ai', 'ai-agents', 'big-tech', 'llm']));
  });

  test('returns nothing for text with no topic', () => {
    expect(matchTopics(link('Nobody likes cold tea', 'A short note.', 'kettle.io'))).toEqual([]);
  });
});

import { explainTopics, matchTopics, TOPICS } from '../../src/content/taxonomy';
import { TOPIC_DEFINITIONS } from '../../src/content/taxonomy.topics';

const link = (title: string, summary = '', domain = 'blog.kettle.io') => ({ title, summary, domain });
const topicsOf = (title: string, summary = '', domain?: string) => matchTopics(link(title, summary, domain));

describe('TOPICS', () => {
  test('offers at least 30 topics with unique slugs, in slug order', () => {
    const slugs = TOPICS.map((topic) => topic.slug);
    expect(slugs.length).toBeGreaterThanOrEqual(30);
    expect(new Set(slugs).size).toBe(slugs.length);
    expect(slugs).toEqual([...slugs].sort());
    expect(TOPICS.every((topic) => /^[a-z][a-z-]*$/.test(topic.slug) && topic.name.length > 0)).toBe(true);
  });

  test("keeps every slug partners already use", () => {
    const slugs = TOPICS.map((topic) => topic.slug);
    for (const slug of ['ai', 'llm', 'ai-agents', 'generative-media', 'ai-safety', 'security', 'careers', 'kubernetes', 'transportation', 'regulation', 'gaming-media', 'linux-os', 'devops', 'networking', 'cloud']) {
      expect(slugs).toContain(slug);
    }
  });
});

describe('matchTopics', () => {
  test.each([
    ['Kettle ships a Rust rewrite of its queue', '', ['rust']],
    ['Patch now: CVE-2031-1234 lets attackers bypass login', '', ['security']],
    ['Teapot raises $40M Series B to build humanoid robots', '', ['funding', 'robotics']],
    ['Tips for Postgres query planner hints', '', ['databases']],
    ['Diffusion models paint with tea', 'A new paper on arXiv shows image generation from leaves.', ['generative-media', 'research']],
  ])('tags "%s"', (title, summary, expected) => {
    expect(topicsOf(title, summary)).toEqual(expect.arrayContaining(expected));
  });

  test('a topic implies its parents: every AI sub-topic comes with ai', () => {
    expect(topicsOf('Kettle fine-tunes its LLMs on brewing logs')).toEqual(expect.arrayContaining(['ai', 'llm']));
    expect(topicsOf('A coding agent that refills the kettle', 'It uses MCP to call tools.')).toEqual(expect.arrayContaining(['ai', 'ai-agents']));
    expect(topicsOf('Text-to-video for tea adverts')).toEqual(expect.arrayContaining(['ai', 'generative-media']));
    expect(topicsOf('Jailbreaks make the tea bot misbehave')).toEqual(expect.arrayContaining(['ai', 'ai-safety']));
    for (const definition of TOPIC_DEFINITIONS.filter((topic) => ['llm', 'ai-agents', 'generative-media', 'ai-safety'].includes(topic.slug))) {
      expect(definition.parents).toEqual(['ai']);
    }
  });

  test('matches whole words only', () => {
    expect(topicsOf('Maintaining a rusty bicycle')).not.toContain('rust');
    expect(topicsOf('Said the AIrline')).not.toContain('ai');
  });

  test('respects capitalisation where it carries the meaning', () => {
    expect(topicsOf('Kettle services written in Go 1.31 for speed')).toContain('go');
    expect(topicsOf('Ready to go home')).not.toContain('go');
    expect(topicsOf('Meta releases a new kettle', 'Meta says the kettle ships in May.')).toContain('big-tech');
    expect(topicsOf('A meta analysis of kettles')).not.toContain('big-tech');
    expect(topicsOf('Kettle adds AI to the whistle')).toContain('ai');
    expect(topicsOf('Said in plain English: ai is Latin for "ah"')).not.toContain('ai');
  });

  test('a post-quantum cipher named ML-KEM is not machine learning', () => {
    expect(topicsOf('Kettle firmware moves to ML-KEM and ML-DSA', 'The TLS handshake now uses a post-quantum key exchange.')).not.toContain('ai');
    expect(topicsOf('Kettle hires an ML engineer')).toContain('ai');
  });

  test('one ambiguous word in a summary decides nothing', () => {
    expect(topicsOf('Kettle release notes', 'Transformers in the garden shed hum at night.')).not.toContain('llm');
    expect(topicsOf('Kettle release notes', 'Embedding a photo in the manual took a while.')).not.toContain('llm');
    expect(topicsOf('Faster TLS for kettles', 'Clients resume a session instead of a full handshake.')).not.toContain('careers');
    expect(topicsOf('Kettle logistics', 'Warehouse containers now arrive stacked by colour.')).not.toContain('kubernetes');
    expect(topicsOf('Kettle logistics', 'Water jets clean the spouts before boxing.')).not.toContain('transportation');
    expect(topicsOf('Kettle benchmark', 'An LLM acts as judge of the taste tests.')).not.toContain('regulation');
    expect(topicsOf('Kettle streaming', 'Unlike Netflix, our dashboards refresh every second.')).not.toContain('gaming-media');
  });

  test('a word that only looks like a topic decides nothing', () => {
    expect(topicsOf('CAR T cells get a kettle-sized boost', 'Engineered T cells attack the tumour.')).not.toContain('transportation');
    expect(topicsOf('Cars that boil water', 'The new cars ship with a kettle.')).toContain('transportation');
    expect(topicsOf('How to break into Silicon Valley', 'Spend a few years near the kettle makers.')).not.toContain('chips');
    expect(topicsOf('Build vs Buy: should you write your own kettle platform?')).not.toContain('acquisitions');
    expect(topicsOf('Teapot agrees to buy Kettle Inc')).toContain('acquisitions');
    expect(topicsOf('Why Rust became the most-loved programming language')).not.toContain('software-engineering');
  });

  test('a mention in passing is not a subject', () => {
    expect(topicsOf('Kettle dashboards gain new data sources', 'Sources now include Aurora, Drone and Netlify.')).not.toContain('robotics');
    expect(topicsOf('Stealers target kettle developers', 'Malicious npm uploads posed as an SDK and stole wallets.')).not.toContain('javascript');
    expect(topicsOf('DllKettle', 'It writes a boilerplate C++ file for each exported function.')).not.toContain('programming-languages');
    expect(topicsOf('Learn tracing through a strategy game', 'Each unit is a service instrumented with OpenTelemetry.')).not.toContain('gaming-media');
    expect(topicsOf('Kettle chatbot runs locally on your PC', 'It summarises your files without the cloud.')).not.toContain('hardware');
  });

  test('a name or phrase that merely contains a topic word decides nothing', () => {
    expect(topicsOf('A week with the Kettle Ray-Ban glasses')).not.toContain('regulation');
    expect(topicsOf("Samsung's Galaxy Z Kettle is thinner than ever")).not.toContain('space');
    expect(topicsOf('Kettle Cloud gets a new pricing model')).not.toContain('ai');
    expect(topicsOf('Stolen OAuth tokens used to raid kettle accounts')).not.toContain('llm');
    expect(topicsOf('Teapot launches Comet, a kettle browser')).not.toContain('space');
    expect(topicsOf('Kettle raises prices in 100 markets')).not.toContain('funding');
    expect(topicsOf('Migrating 4,000 Jenkins jobs to a new kettle')).not.toContain('careers');
    expect(topicsOf('How to write a good bug report for kettles')).not.toContain('research');
  });

  test('common wording of a subject decides it', () => {
    expect(topicsOf('Kettle Inc lays off 6,000 employees')).toContain('careers');
    expect(topicsOf('Teapot and Kettle agree to merge')).toContain('acquisitions');
    expect(topicsOf('Rust 1.88 stabilizes let chains')).toContain('programming-languages');
    expect(topicsOf('Kettle blocks third-party cookies by default')).toContain('privacy');
    expect(topicsOf('Teapot open-sources its kettle scheduler')).toContain('open-source');
  });

  test('overlapping mentions of one topic count once', () => {
    const summary = 'The kettle court ruled on Tuesday. The judge cited competition from AI chatbots.';
    expect(topicsOf('Kettle antitrust ruling', summary)).not.toContain('llm');
  });

  test('passing words in the body never add up to a topic', () => {
    const summary = 'The kettle boils. Later the team mentions monitoring, metrics, logs and dashboards in passing.';
    expect(topicsOf('Kettle notes', summary)).not.toContain('observability');
    expect(topicsOf('Kettle notes', 'Observability for kettles: monitoring, metrics and logs.')).toContain('observability');
  });

  test('the same words do decide when they are the subject', () => {
    expect(topicsOf('Kettle moves its services to containers', 'Docker images and Kubernetes pods replace the old VMs.')).toContain('kubernetes');
    expect(topicsOf('A federal judge blocks the kettle merger', 'The antitrust lawsuit continues.')).toContain('regulation');
    expect(topicsOf('Supersonic jets return', 'Airlines order new aircraft for transatlantic routes.')).toContain('transportation');
    expect(topicsOf('Netflix launches a game studio', 'Netflix says its video games will stream to TVs.')).toContain('gaming-media');
  });

  test('a broad word counts in the title, not in the summary', () => {
    expect(topicsOf('Moving our kettles to the cloud')).toContain('cloud');
    expect(topicsOf('Kettle notes', 'The sky was cloud free.')).not.toContain('cloud');
  });

  test('a site that covers many subjects tags nothing alone; a devoted site does', () => {
    for (const domain of ['thenewstack.io', 'lwn.net', 'blog.cloudflare.com']) {
      expect(topicsOf('What we learned this week', 'Notes from the team.', domain)).toEqual([]);
    }
    expect(topicsOf('Kettle', '', 'kubernetes.io')).toContain('kubernetes');
    expect(topicsOf('Kettle', '', 'github.com')).toContain('open-source');
    expect(topicsOf('Kettle', '', 'eng.arxiv.org')).toContain('research');
    expect(topicsOf('Kernel notes', 'The scheduler gains a new io_uring path.', 'lwn.net')).toContain('linux-os');
  });

  test("security researchers' findings are security, not research", () => {
    const topics = topicsOf('Researchers found a flaw in smart kettles', 'Researchers have found a remote code execution vulnerability.');
    expect(topics).toContain('security');
    expect(topics).not.toContain('research');
  });

  test('ignores link targets inside the summary', () => {
    expect(topicsOf('Kettle notes', 'Read [more](https://kettle.io/?utm_source=tldr-ai).')).not.toContain('ai');
  });

  test('returns sorted slugs without duplicates', () => {
    const topics = topicsOf('OpenAI and Google ship LLM agents', 'GPT and Gemini agents use MCP; OpenAI agents again.');
    expect(topics).toEqual([...new Set(topics)].sort());
    expect(topics).toEqual(expect.arrayContaining(['ai', 'ai-agents', 'big-tech', 'llm']));
  });

  test('returns nothing for text with no topic', () => {
    expect(topicsOf('Nobody likes cold tea', 'A short note.', 'kettle.io')).toEqual([]);
  });
});

describe('explainTopics', () => {
  test('names the mentions behind each score', () => {
    const explained = explainTopics(link('Kettle adds AI to the whistle', ''));
    expect(explained.find((entry) => entry.slug === 'ai')).toEqual({ slug: 'ai', score: 2, terms: ['ai:2'] });
  });
});

import { NEWSLETTERS, newsletterFromHeading } from '../../src/import/newsletter-names';

describe('newsletterFromHeading', () => {
  test.each([
    ['TLDR', 'tech'],
    ['TLDR AI', 'ai'],
    ['TLDR DevOps', 'devops'],
    ['TLDR InfoSec', 'infosec'],
    ['TLDR Information Security', 'infosec'],
    ['TLDR Data', 'data'],
    ['TLDR Web Dev', 'webdev'],
    ['TLDR WebDev', 'webdev'],
    ['TLDR Crypto', 'crypto'],
    ['TLDR Product', 'product'],
    ['TLDR Design', 'design'],
    ['TLDR Marketing', 'marketing'],
    ['TLDR Founders', 'founders'],
    ['TLDR IT', 'it'],
    ['tldr  ai', 'ai'],
    ['Get smarter about AI in 5 minutes', 'ai'],
    ['Improve your data knowledge in 5 min', 'data'],
    ['Improve your DevOps skills in 5 minutes', 'devops'],
    ['Keep up with Tech in 5 minutes', 'tech'],
  ])('%s → %s', (heading, slug) => {
    expect(newsletterFromHeading(heading)?.slug).toBe(slug);
  });

  test.each(['The Kettle Weekly', 'Keep up with everything in 5 minutes', 'Learn AI and data in 5 minutes', ''])(
    'does not recognise %p',
    (heading) => {
      expect(newsletterFromHeading(heading)).toBeNull();
    },
  );

  test('gives the display name with the slug', () => {
    expect(newsletterFromHeading('Get smarter about AI in 5 minutes')).toEqual({ slug: 'ai', name: 'TLDR AI' });
  });

  test('lists each newsletter once', () => {
    const slugs = NEWSLETTERS.map((newsletter) => newsletter.slug);
    expect(new Set(slugs).size).toBe(slugs.length);
  });
});

import { redactUrl } from '../../src/http/redact';

it.each([
  ['/feeds/links.atom?token=nlf_secret', '/feeds/links.atom?token=REDACTED'],
  ['/feeds/links.atom?tags=a&token=nlf_secret&limit=5', '/feeds/links.atom?tags=a&token=REDACTED&limit=5'],
  ['/feeds/links.atom?token=one&token=two', '/feeds/links.atom?token=REDACTED&token=REDACTED'],
  ['/feeds/links.atom?Token=x;TOKEN=y', '/feeds/links.atom?Token=REDACTED;TOKEN=REDACTED'],
  ['/feeds/links.atom?%74oken=x&to%6Ben=y', '/feeds/links.atom?%74oken=REDACTED&to%6Ben=REDACTED'],
  ['/feeds/links.atom?+token+=x', '/feeds/links.atom?+token+=REDACTED'],
  ['https://api.example.com/feeds/tags/k8s.rss?token=abc#top', 'https://api.example.com/feeds/tags/k8s.rss?token=REDACTED#top'],
  ['/feeds/links.atom?tokens=keep&mytoken=keep&q=token%3Dkeep', '/feeds/links.atom?tokens=keep&mytoken=keep&q=token%3Dkeep'],
  ['/feeds/links.atom?token', '/feeds/links.atom?token'],
  ['/feeds/links.atom?%zz=1&token=x', '/feeds/links.atom?%zz=1&token=REDACTED'],
  ['/graphql', '/graphql'],
  ['/feeds/links.atom?', '/feeds/links.atom?'],
])('%s → %s', (url, redacted) => {
  expect(redactUrl(url)).toBe(redacted);
});

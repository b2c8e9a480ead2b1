import { formatSummary, summaryHtml, summaryText } from '../../src/content/summary';

const LINKED = 'Kettle ships a [free tier](https://go.kettle.dev/free?utm_source=tldr&utm_medium=email&plan=team) for **teams**.';

describe('summaryHtml', () => {
  it('renders markdown and drops tracking parameters from inline links', () => {
    expect(summaryHtml(LINKED)).toBe(
      '<p>Kettle ships a <a href="https://go.kettle.dev/free?plan=team" rel="nofollow noopener noreferrer">free tier</a> for <strong>teams</strong>.</p>',
    );
  });

  it('shows raw HTML as text, never as markup', () => {
    const html = summaryHtml('Beware <script>alert(1)</script> and <img src=x onerror=alert(1)>');
    expect(html).not.toMatch(/<script|<img/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keeps no link whose target is not a web or mail address', () => {
    const html = summaryHtml('[one](javascript:alert(1)) [two](data:text/html,hi) [three](mailto:team@kettle.dev?utm_source=x)');
    expect(html).not.toMatch(/href="(?:javascript|data):/);
    expect(html).toContain('[one](javascript:alert(1))');
    expect(html).toContain('<a href="mailto:team@kettle.dev" rel="nofollow noopener noreferrer">three</a>');
  });

  it('renders lists and paragraphs', () => {
    expect(summaryHtml('Why:\n\n- fast\n- cheap')).toBe('<p>Why:</p>\n<ul>\n<li>fast</li>\n<li>cheap</li>\n</ul>');
  });

  it('gives the empty string for an empty summary', () => {
    expect(summaryHtml('')).toBe('');
  });
});

describe('summaryText', () => {
  it('keeps the words of links and drops their targets and the markup', () => {
    expect(summaryText(LINKED)).toBe('Kettle ships a free tier for teams.');
  });

  it('resolves backslash escapes and entities', () => {
    expect(summaryText('Avoid SELECT \\*, even on DELETE\\_FAILED stacks &amp; O\\_DIRECT reads.')).toBe(
      'Avoid SELECT *, even on DELETE_FAILED stacks & O_DIRECT reads.',
    );
  });

  it('puts paragraphs and list items on lines of their own', () => {
    expect(summaryText('Why:\n\n- fast\n- *cheap*\n\n1. one')).toBe('Why:\nfast\ncheap\none');
  });

  it('returns plain sentences as they are, spaces collapsed', () => {
    expect(summaryText('  A plain   sentence, with commas (and brackets).  ')).toBe('A plain sentence, with commas (and brackets).');
  });

  it('keeps raw HTML as the text it is', () => {
    expect(summaryText('Use <b>bold</b> sparingly')).toBe('Use <b>bold</b> sparingly');
  });
});

describe('formatSummary', () => {
  it('gives markdown back untouched', () => {
    expect(formatSummary(LINKED, 'MARKDOWN')).toBe(LINKED);
    expect(formatSummary(LINKED, 'TEXT')).toBe(summaryText(LINKED));
    expect(formatSummary(LINKED, 'HTML')).toBe(summaryHtml(LINKED));
  });
});

import {
  IssueShape,
  MAX_LINKS_PER_ISSUE,
  MAX_LINKS_PER_SECTION,
  MAX_PLACEMENTS_PER_ISSUE,
  MAX_SECTIONS_PER_ISSUE,
  MAX_TAGS_PER_LINK,
  overContentLimit,
} from '../../src/content/limits';

const link = (tags = 1) => ({ title: 'A link', tags: Array.from({ length: tags }, (_, i) => `t${i}`) });
const section = (links: number, title: string | null = 'News') => ({ title, links: Array.from({ length: links }, () => link()) });
const issue = (sections: IssueShape['sections'], placements = 1): IssueShape => ({ sections, placements: Array(placements).fill({}) });

describe('overContentLimit', () => {
  it('accepts an issue at every maximum', () => {
    const full = issue(
      [...Array.from({ length: 3 }, () => section(MAX_LINKS_PER_SECTION)), section(MAX_LINKS_PER_ISSUE - 3 * MAX_LINKS_PER_SECTION)],
      MAX_PLACEMENTS_PER_ISSUE,
    );
    expect(overContentLimit(full)).toBeNull();
    expect(overContentLimit(issue(Array.from({ length: MAX_SECTIONS_PER_ISSUE }, () => section(1))))).toBeNull();
    expect(overContentLimit(issue([{ title: 'News', links: [link(MAX_TAGS_PER_LINK)] }]))).toBeNull();
  });

  it('says which maximum an issue goes over', () => {
    expect(overContentLimit(issue(Array.from({ length: MAX_SECTIONS_PER_ISSUE + 1 }, () => section(1))))).toBe(
      `it has ${MAX_SECTIONS_PER_ISSUE + 1} sections; an issue holds at most ${MAX_SECTIONS_PER_ISSUE}`,
    );
    expect(overContentLimit(issue([section(1)], MAX_PLACEMENTS_PER_ISSUE + 1))).toMatch(/sponsor blocks; an issue holds at most/);
    expect(overContentLimit(issue([section(MAX_LINKS_PER_SECTION + 1, null)]))).toBe(
      `the untitled block has ${MAX_LINKS_PER_SECTION + 1} links; a section holds at most ${MAX_LINKS_PER_SECTION}`,
    );
    expect(overContentLimit(issue(Array.from({ length: 4 }, () => section(MAX_LINKS_PER_SECTION))))).toMatch(
      new RegExp(`it has ${4 * MAX_LINKS_PER_SECTION} links; an issue holds at most ${MAX_LINKS_PER_ISSUE}`),
    );
    const tagged = { title: 'x'.repeat(200), links: [{ title: 'y'.repeat(200), tags: Array(MAX_TAGS_PER_LINK + 1).fill('t') }] };
    const reason = overContentLimit(issue([tagged])) ?? '';
    expect(reason).toMatch(/^the link "y{57}\.\.\." has 21 tags; a link carries at most 20$/);
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { recreditSponsors } from '../../src/import/sponsor-recredit';
import { LinkKind } from '../../src/modules/link/link-kind';
import { Factory } from '../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../support/harness';

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'issues', 'tldr-sponsors-2031-03-04.md'), 'utf8');

const IMPORT = `mutation Import($input: ImportIssueInput!) {
  importIssue(input: $input) {
    status
    issue {
      sections { title links { title kind sponsored sponsor { domain name } } }
      sponsorPlacements { title sponsor { domain name url } }
    }
  }
}`;

let h: Harness;

beforeAll(async () => {
  h = await startHarness();
});

afterAll(() => h.close());

describe('importing sponsors', () => {
  it('credits each ad to the advertiser it names, never to a shortener, an event platform or the newsletter', async () => {
    const { data, errors } = await h.gql(IMPORT, { input: { markdown: FIXTURE } }, ADMIN_TOKEN);
    expect(errors).toBeUndefined();
    const issue = data?.importIssue.issue;
    expect(issue.sponsorPlacements).toEqual([{ title: 'Boil water in half the time', sponsor: { domain: 'steamly', name: 'Steamly', url: '' } }]);
    const links = issue.sections.flatMap((section: any) => section.links.map((link: any) => ({ section: section.title, ...link })));
    expect(links).toEqual([
      { section: null, title: 'The true cost of cold tea', kind: LinkKind.OTHER, sponsored: true, sponsor: null },
      { section: 'Big Tech & Startups', title: 'Kettles keep getting smarter', kind: LinkKind.ARTICLE, sponsored: false, sponsor: null },
      { section: 'Big Tech & Startups', title: 'Stop flaky kettle tests with Kettle QA', kind: LinkKind.OTHER, sponsored: true, sponsor: { domain: 'kettleqa.com', name: 'Kettle QA' } },
      { section: 'Big Tech & Startups', title: 'Meet us at KettleConf', kind: LinkKind.OTHER, sponsored: true, sponsor: { domain: 'acme', name: 'Acme' } },
      { section: 'Quick Links', title: 'Want more news from TLDR?', kind: LinkKind.HOUSE_AD, sponsored: true, sponsor: null },
    ]);
    const keys = (await h.dataSource.query('SELECT domain FROM sponsor ORDER BY domain')).map((row: { domain: string }) => row.domain);
    expect(keys).toEqual(['acme', 'kettleqa.com', 'steamly']);
  });
});

describe('recreditSponsors, the backfill of an archive imported before sponsors were advertisers', () => {
  it('keeps an unchanged advertiser id (renamed), re-credits a shortener, retires pseudo-sponsors with a table of old ids to new', async () => {
    const f = new Factory(h.dataSource);
    const newsletter = await f.newsletter('legacy');
    const qawolf = await f.sponsor('brewcheck.com');
    const bitly = await f.sponsor('bit.ly');
    const tldr = await f.sponsor('tldr.tech');
    const issue = await f.issue(newsletter, {
      date: '2031-04-01',
      placements: [{ sponsor: bitly, title: 'Legacy shortened ad' }],
      sections: [
        {
          title: 'Quick Links',
          links: [
            { title: 'Stop flaky tests with Brew Check', url: 'https://www.brewcheck.com/start', domain: 'brewcheck.com', sponsored: true, sponsor: qawolf },
            { title: 'Want more news from TLDR?', url: 'https://tldr.tech/', domain: 'tldr.tech', sponsored: true, sponsor: tldr },
          ],
        },
      ],
    });
    await h.dataSource.query(`UPDATE sponsor_placement SET body = $2, url = 'https://bit.ly/3kTtLe' WHERE issue_id = $1`, [
      issue.id,
      "[Steamly](https://bit.ly/3kTtLe) boils water fast. Steamly's kettles are everywhere.",
    ]);
    await h.dataSource.query('UPDATE link SET summary = $1 WHERE sponsor_id = $2', ['[Brew Check](https://www.brewcheck.com/start) runs your tests.', qawolf.id]);
    const [before] = await h.dataSource.query('SELECT version FROM issue WHERE id = $1', [issue.id]);

    const summary = await recreditSponsors(h.dataSource);

    const sponsors = await h.dataSource.query(`SELECT id, domain, name FROM sponsor WHERE domain IN ('brewcheck.com', 'steamly', 'bit.ly', 'tldr.tech') ORDER BY domain`);
    const steamly = sponsors.find((row: { domain: string }) => row.domain === 'steamly');
    expect(sponsors).toEqual([
      { id: qawolf.id, domain: 'brewcheck.com', name: 'Brew Check' },
      { id: steamly.id, domain: 'steamly', name: 'Steamly' },
    ]);
    const retired = await h.dataSource.query('SELECT old_id, old_domain, new_id FROM sponsor_retirement WHERE old_id = ANY($1::int[]) ORDER BY old_domain', [[bitly.id, tldr.id]]);
    expect(retired).toEqual([
      { old_id: bitly.id, old_domain: 'bit.ly', new_id: steamly.id },
      { old_id: tldr.id, old_domain: 'tldr.tech', new_id: null },
    ]);
    const links = await h.dataSource.query(
      'SELECT l.title, l.kind, l.sponsor_id FROM link l JOIN section s ON s.id = l.section_id WHERE s.issue_id = $1 ORDER BY l.position',
      [issue.id],
    );
    expect(links).toEqual([
      { title: 'Stop flaky tests with Brew Check', kind: 'ARTICLE', sponsor_id: qawolf.id },
      { title: 'Want more news from TLDR?', kind: 'HOUSE_AD', sponsor_id: null },
    ]);
    const [after] = await h.dataSource.query('SELECT version FROM issue WHERE id = $1', [issue.id]);
    expect(after.version).toBe(before.version + 1);
    expect(summary).toMatchObject({ houseAds: 1, placementsLeft: 0 });

    const again = await recreditSponsors(h.dataSource);
    expect(again).toMatchObject({ linksRecredited: 0, placementsRecredited: 0, sponsorsRenamed: 0, sponsorsCreated: 0, retired: [] });
  });
});

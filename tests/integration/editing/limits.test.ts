import { MAX_LINKS_PER_SECTION, MAX_PLACEMENTS_PER_ISSUE, MAX_SECTIONS_PER_ISSUE } from '../../../src/content/limits';
import { Factory } from '../../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../../support/harness';

const ADD_SECTION = `mutation($input: AddSectionInput!) { addSection(input: $input) { id } }`;
const ADD_LINK = `mutation($input: AddLinkInput!) { addLink(input: $input) { id } }`;
const MOVE_LINK = `mutation($input: MoveLinkInput!) { moveLink(input: $input) { id } }`;
const ADD_PLACEMENT = `mutation($input: AddPlacementInput!) { addPlacement(input: $input) { id } }`;

let h: Harness;
let factory: Factory;

beforeAll(async () => {
  h = await startHarness();
  factory = new Factory(h.dataSource);
});

afterAll(() => h.close());

const version = async (issueId: number) => (await h.dataSource.query('SELECT version FROM issue WHERE id = $1', [issueId]))[0].version;

/** An issue whose first section already holds the most links a section may hold, and a second section with one link. */
async function fullIssue(date: string) {
  const newsletter = (await h.dataSource.query(`SELECT id, slug FROM newsletter WHERE slug = 'ai'`))[0] ?? (await factory.newsletter('ai'));
  const links = Array.from({ length: MAX_LINKS_PER_SECTION }, () => ({}));
  const issue = await factory.issue(newsletter, { date, sections: [{ title: 'Full', links }, { title: 'Roomy', links: [{}] }] });
  const sections = await h.dataSource.query('SELECT id FROM section WHERE issue_id = $1 ORDER BY position', [issue.id]);
  return { issueId: issue.id, full: sections[0].id as number, roomy: sections[1].id as number };
}

describe('editing stops at the content maxima the importer enforces', () => {
  it('refuses a link added to a full section, or moved into one, and writes nothing', async () => {
    const { issueId, full, roomy } = await fullIssue('2025-05-01');
    const link = { url: 'https://example.com/one-more', title: 'One more', summary: 'x' };
    const before = await h.rowCounts();
    const added = await h.gql(ADD_LINK, { input: { sectionId: String(full), expectedVersion: await version(issueId), ...link } }, ADMIN_TOKEN);
    expect(added.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sectionId', limit: MAX_LINKS_PER_SECTION });
    const [{ id: roomyLink }] = await h.dataSource.query('SELECT id FROM link WHERE section_id = $1', [roomy]);
    const moved = await h.gql(MOVE_LINK, { input: { id: String(roomyLink), expectedVersion: await version(issueId), sectionId: String(full), position: 0 } }, ADMIN_TOKEN);
    expect(moved.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'sectionId' });
    expect(await h.rowCounts()).toEqual(before);
    const roomier = await h.gql(ADD_LINK, { input: { sectionId: String(roomy), expectedVersion: await version(issueId), ...link } }, ADMIN_TOKEN);
    expect(roomier.errors).toBeUndefined();
  });

  it('refuses a section past the most an issue may hold', async () => {
    const { issueId } = await fullIssue('2025-05-02');
    for (let n = 2; n < MAX_SECTIONS_PER_ISSUE; n += 1) {
      const input = { issueId: String(issueId), expectedVersion: await version(issueId), title: `Section ${n}` };
      expect((await h.gql(ADD_SECTION, { input }, ADMIN_TOKEN)).errors).toBeUndefined();
    }
    const before = await h.rowCounts();
    const over = await h.gql(ADD_SECTION, { input: { issueId: String(issueId), expectedVersion: await version(issueId), title: 'Too many' } }, ADMIN_TOKEN);
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'issueId', limit: MAX_SECTIONS_PER_ISSUE });
    expect(await h.rowCounts()).toEqual(before);
  });

  it('refuses a sponsor placement past the most an issue may hold', async () => {
    const { issueId } = await fullIssue('2025-05-03');
    const sponsor = await factory.sponsor('limits.example');
    const input = async (n: number) => ({
      issueId: String(issueId), expectedVersion: await version(issueId), sponsorId: String(sponsor.id),
      title: `Ad ${n}`, body: 'Buy it.', url: 'https://limits.example/',
    });
    for (let n = 0; n < MAX_PLACEMENTS_PER_ISSUE; n += 1) {
      expect((await h.gql(ADD_PLACEMENT, { input: await input(n) }, ADMIN_TOKEN)).errors).toBeUndefined();
    }
    const before = await h.rowCounts();
    const over = await h.gql(ADD_PLACEMENT, { input: await input(99) }, ADMIN_TOKEN);
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'issueId', limit: MAX_PLACEMENTS_PER_ISSUE });
    expect(await h.rowCounts()).toEqual(before);
  });
});

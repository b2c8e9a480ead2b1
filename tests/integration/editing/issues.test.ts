import { Role } from '../../../src/modules/api-key/role';
import { Factory } from '../../support/factories';
import { ADMIN_TOKEN, Harness, startHarness } from '../../support/harness';

const CREATE = `mutation($input: CreateIssueInput!) { createIssue(input: $input) { id date headline status version newsletter { slug } } }`;
const UPDATE = `mutation($input: UpdateIssueInput!) { updateIssue(input: $input) { id date headline version newsletter { slug } } }`;

let h: Harness;
let editor: string;
let partner: string;

beforeAll(async () => {
  h = await startHarness();
  const factory = new Factory(h.dataSource);
  await factory.newsletter('ai');
  await factory.newsletter('devops');
  editor = await h.key(Role.EDITOR);
  partner = await h.key(Role.PARTNER);
});

afterAll(() => h.close());

async function createDraft(date: string) {
  const { data, errors } = await h.gql(CREATE, { input: { newsletter: 'ai', date, headline: `Draft of ${date}` } }, editor);
  expect(errors).toBeUndefined();
  return data!.createIssue as { id: string; version: number };
}

describe('createIssue', () => {
  it('creates a draft at version 1 and audits it under the key that made it', async () => {
    const { data, errors } = await h.gql(CREATE, { input: { newsletter: 'ai', date: '2026-12-01', headline: ' Tomorrow ' } }, editor);
    expect(errors).toBeUndefined();
    expect(data?.createIssue).toMatchObject({ date: '2026-12-01', headline: 'Tomorrow', status: 'DRAFT', version: 1, newsletter: { slug: 'ai' } });
    const [entry] = await h.dataSource.query(`SELECT * FROM audit_entry WHERE action = 'createIssue' AND entity_id = $1`, [Number(data!.createIssue.id)]);
    expect(entry).toMatchObject({ actor_kind: 'API_KEY', actor_name: 'test editor', entity_type: 'ISSUE' });
    expect(entry.changes.headline).toEqual({ before: null, after: 'Tomorrow' });
  });

  it('refuses the public, partners and bad input, writing nothing', async () => {
    const before = await h.rowCounts();
    const input = { newsletter: 'ai', date: '2026-12-02', headline: 'x' };
    expect((await h.gql(CREATE, { input })).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect((await h.gql(CREATE, { input }, partner)).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const unknown = await h.gql(CREATE, { input: { ...input, newsletter: 'nope' } }, editor);
    expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newsletter' });
    const empty = await h.gql(CREATE, { input: { ...input, headline: '' } }, editor);
    expect(empty.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'headline' });
    expect(await h.rowCounts()).toEqual(before);
  });

  it('refuses a second issue of a newsletter on the same day', async () => {
    await createDraft('2026-12-03');
    const again = await h.gql(CREATE, { input: { newsletter: 'ai', date: '2026-12-03', headline: 'again' } }, ADMIN_TOKEN);
    expect(again.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'date' });
  });
});

describe('updateIssue', () => {
  it('changes what it is given, bumps the version and records before and after', async () => {
    const draft = await createDraft('2026-12-04');
    const { data, errors } = await h.gql(UPDATE, { input: { id: draft.id, expectedVersion: 1, headline: 'Better', newsletter: 'devops' } }, editor);
    expect(errors).toBeUndefined();
    expect(data?.updateIssue).toMatchObject({ headline: 'Better', date: '2026-12-04', version: 2, newsletter: { slug: 'devops' } });
    const [entry] = await h.dataSource.query(`SELECT changes FROM audit_entry WHERE action = 'updateIssue' AND entity_id = $1`, [Number(draft.id)]);
    expect(entry.changes).toEqual({
      headline: { before: 'Draft of 2026-12-04', after: 'Better' },
      newsletter: { before: 'ai', after: 'devops' },
    });
  });

  it('two editors saving the same version: exactly one wins, the other gets CONFLICT and writes nothing', async () => {
    const draft = await createDraft('2026-12-05');
    const before = await h.rowCounts();
    const results = await Promise.all(
      ['First', 'Second'].map((headline) => h.gql(UPDATE, { input: { id: draft.id, expectedVersion: 1, headline } }, editor)),
    );
    const won = results.filter((result) => !result.errors);
    const lost = results.filter((result) => result.errors);
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2, expectedVersion: 1 });
    const after = await h.rowCounts();
    expect(after.audit_entry).toBe(before.audit_entry + 1);
    expect(after.versions).toBe(before.versions + 1);
  });

  it('50 concurrent updates, each retried on CONFLICT, end exactly 50 versions later with every change recorded', async () => {
    const draft = await createDraft('2026-12-06');
    let conflicts = 0;
    const save = async (n: number) => {
      for (;;) {
        const [{ version }] = await h.dataSource.query('SELECT version FROM issue WHERE id = $1', [Number(draft.id)]);
        const result = await h.gql(UPDATE, { input: { id: draft.id, expectedVersion: version, headline: `Edit ${n}` } }, editor);
        if (!result.errors) return;
        expect(result.errors[0].extensions?.code).toBe('CONFLICT');
        conflicts += 1;
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 20));
      }
    };
    await Promise.all(Array.from({ length: 50 }, (_, n) => save(n)));
    const [{ version }] = await h.dataSource.query('SELECT version FROM issue WHERE id = $1', [Number(draft.id)]);
    expect(version).toBe(51);
    const entries = await h.dataSource.query(
      `SELECT changes->'headline'->>'after' AS headline FROM audit_entry WHERE action = 'updateIssue' AND entity_id = $1`,
      [Number(draft.id)],
    );
    expect(entries.map((entry: { headline: string }) => entry.headline).sort()).toEqual(
      Array.from({ length: 50 }, (_, n) => `Edit ${n}`).sort(),
    );
    console.log(`50 concurrent updates with retry: ${conflicts} conflicts answered, final version ${version}`);
  }, 120_000);

  it('answers NOT_FOUND for an issue that does not exist and BAD_USER_INPUT for a malformed id', async () => {
    const missing = await h.gql(UPDATE, { input: { id: '999999', expectedVersion: 1, headline: 'x' } }, editor);
    expect(missing.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const malformed = await h.gql(UPDATE, { input: { id: 'abc', expectedVersion: 1, headline: 'x' } }, editor);
    expect(malformed.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});

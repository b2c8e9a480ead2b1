/**
 * Re-credits a stored archive's sponsored links and placements to the advertisers
 * their ads name (src/content/sponsor-name.ts), keeping each advertiser's sponsor
 * id where its key did not change, and retires sponsors left with no appearance.
 */
import { creditSponsor, SponsorCredit } from '../content/sponsor-name';
import { sponsorSite } from './id-cache';

/** What runs the statements: a migration's QueryRunner or a DataSource. */
export interface Executor {
  query(sql: string, parameters?: unknown[]): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface RecreditSummary {
  linksRecredited: number;
  placementsRecredited: number;
  /** Sponsored links newly marked as the newsletter's own ads (kind HOUSE_AD, no sponsor). */
  houseAds: number;
  sponsorsRenamed: number;
  sponsorsCreated: number;
  /** Old sponsor id → the sponsor most of its appearances went to (null: to nobody). */
  retired: Array<{ oldId: number; oldDomain: string; newId: number | null }>;
  /** Top placements of house ads or ads naming nobody: they become top links when their issue is next imported. */
  placementsLeft: number;
}

interface AdRow {
  id: number;
  issue_id: number;
  title: string;
  body: string;
  url: string;
  sponsor_id: number | null;
}

export async function recreditSponsors(db: Executor): Promise<RecreditSummary> {
  const links: AdRow[] = await db.query(
    `SELECT l.id, s.issue_id, l.title, l.summary AS body, l.url, l.sponsor_id
       FROM link l JOIN section s ON s.id = l.section_id WHERE l.sponsored ORDER BY l.id`,
  );
  const placements: AdRow[] = await db.query('SELECT id, issue_id, title, body, url, sponsor_id FROM sponsor_placement ORDER BY id');
  const sponsors = new Sponsors(db, await db.query('SELECT id, domain, name FROM sponsor'));
  const summary: RecreditSummary = { linksRecredited: 0, placementsRecredited: 0, houseAds: 0, sponsorsRenamed: 0, sponsorsCreated: 0, retired: [], placementsLeft: 0 };
  const moves = new Map<number, Map<number | null, number>>();
  const touched = new Set<number>();
  const move = (from: number | null, to: number | null, issueId: number) => {
    if (from === to) return;
    touched.add(issueId);
    if (from === null) return;
    const counts = moves.get(from) ?? new Map<number | null, number>();
    counts.set(to, (counts.get(to) ?? 0) + 1);
    moves.set(from, counts);
  };
  for (const link of links) {
    const credit = creditSponsor(link);
    const to = credit.kind === 'ADVERTISER' ? await sponsors.idFor(credit, link.url) : null;
    if (credit.kind === 'HOUSE') {
      const changed: unknown[] = await db.query(
        `WITH marked AS (UPDATE link SET kind = 'HOUSE_AD' WHERE id = $1 AND kind <> 'HOUSE_AD' RETURNING id) SELECT id FROM marked`,
        [link.id],
      );
      if (changed.length) {
        touched.add(link.issue_id);
        summary.houseAds++;
      }
    }
    if (to !== link.sponsor_id) {
      await db.query('UPDATE link SET sponsor_id = $2 WHERE id = $1', [link.id, to]);
      summary.linksRecredited++;
    }
    move(link.sponsor_id, to, link.issue_id);
  }
  for (const placement of placements) {
    const credit = creditSponsor(placement);
    if (credit.kind !== 'ADVERTISER') {
      summary.placementsLeft++;
      continue;
    }
    const to = await sponsors.idFor(credit, placement.url);
    if (to !== placement.sponsor_id) {
      await db.query('UPDATE sponsor_placement SET sponsor_id = $2 WHERE id = $1', [placement.id, to]);
      summary.placementsRecredited++;
    }
    move(placement.sponsor_id, to, placement.issue_id);
  }
  summary.retired = await retireUnused(db, moves);
  if (touched.size) {
    await db.query(
      `UPDATE issue SET version = version + 1,
              imported_version = CASE WHEN imported_version = version THEN version + 1 ELSE imported_version END
        WHERE id = ANY($1::int[])`,
      [[...touched]],
    );
  }
  summary.sponsorsRenamed = sponsors.renamed;
  summary.sponsorsCreated = sponsors.created;
  return summary;
}

/** Sponsors by key: an existing row is reused (and renamed to the ads' spelling), a new key gets a row. */
class Sponsors {
  private readonly byKey = new Map<string, { id: number; name: string }>();
  renamed = 0;
  created = 0;

  constructor(
    private readonly db: Executor,
    rows: Array<{ id: number; domain: string; name: string }>,
  ) {
    for (const row of rows) this.byKey.set(row.domain, { id: row.id, name: row.name });
  }

  async idFor(credit: Extract<SponsorCredit, { kind: 'ADVERTISER' }>, adUrl: string): Promise<number> {
    const known = this.byKey.get(credit.key);
    if (known) {
      if (known.name !== credit.name) {
        await this.db.query('UPDATE sponsor SET name = $2 WHERE id = $1', [known.id, credit.name]);
        known.name = credit.name;
        this.renamed++;
      }
      return known.id;
    }
    const [row] = await this.db.query('INSERT INTO sponsor (domain, name, url) VALUES ($1, $2, $3) RETURNING id', [
      credit.key,
      credit.name,
      sponsorSite(credit.key) || adUrl,
    ]);
    this.byKey.set(credit.key, { id: row.id, name: credit.name });
    this.created++;
    return row.id;
  }
}

/** Deletes sponsors nothing points at any more, recording where their appearances went. */
async function retireUnused(db: Executor, moves: Map<number, Map<number | null, number>>): Promise<RecreditSummary['retired']> {
  const unused: Array<{ id: number; domain: string; name: string }> = await db.query(
    `SELECT id, domain, name FROM sponsor sp
      WHERE NOT EXISTS (SELECT 1 FROM link l WHERE l.sponsor_id = sp.id)
        AND NOT EXISTS (SELECT 1 FROM sponsor_placement p WHERE p.sponsor_id = sp.id)
        AND id = ANY($1::int[])`,
    [[...moves.keys()]],
  );
  const retired: RecreditSummary['retired'] = [];
  for (const sponsor of unused) {
    const destinations = [...(moves.get(sponsor.id) ?? new Map<number | null, number>()).entries()].sort((a, b) => b[1] - a[1]);
    const newId = destinations.find(([to]) => to !== null)?.[0] ?? null;
    await db.query(
      `INSERT INTO sponsor_retirement (old_id, old_domain, old_name, new_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (old_id) DO UPDATE SET old_domain = EXCLUDED.old_domain, old_name = EXCLUDED.old_name, new_id = EXCLUDED.new_id`,
      [sponsor.id, sponsor.domain, sponsor.name, newId],
    );
    await db.query('DELETE FROM sponsor WHERE id = $1', [sponsor.id]);
    retired.push({ oldId: sponsor.id, oldDomain: sponsor.domain, newId });
  }
  return retired;
}

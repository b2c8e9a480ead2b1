import { combined, renumbered } from '../../src/db/gather';

/** Gathered reads (src/db/gather.ts): parts' placeholders move up past the parameters of the parts before them. */
it('renumbers placeholders, leaving quoted text and comments alone', () => {
  const sql = `SELECT '$1' AS a, "x$2" -- $3\n /* $4 */ FROM t WHERE t.id = ANY($1::int[]) AND t.slug = $12 AND t.n = 'it''s $2'`;
  expect(renumbered(sql, 3)).toBe(
    `SELECT '$1' AS a, "x$2" -- $3\n /* $4 */ FROM t WHERE t.id = ANY($4::int[]) AND t.slug = $15 AND t.n = 'it''s $2'`,
  );
  expect(renumbered(sql, 0)).toBe(sql);
});

it('sends each part as a JSON column, parameters in order', () => {
  const { sql, params } = combined([
    { sql: 'SELECT a FROM t WHERE id = $1 AND b = $2', params: [1, 'b'] },
    { sql: 'SELECT c FROM u WHERE id = ANY($1::int[])', params: [[2, 3]] },
  ]);
  expect(sql).toBe(
    "SELECT (SELECT coalesce(json_agg(q), '[]') FROM (SELECT a FROM t WHERE id = $1 AND b = $2) q) AS r0,\n" +
      " (SELECT coalesce(json_agg(q), '[]') FROM (SELECT c FROM u WHERE id = ANY($3::int[])) q) AS r1",
  );
  expect(params).toEqual([1, 'b', [2, 3]]);
});

// PostGraphile 5 over the bench database, for `npm run bench:api` only: the Amber preset,
// simplified inflection and the connection filter (with relation filters), so that it can
// answer the same questions as the API. Settings come from the bench: DATABASE_URL,
// POOL_SIZE, PORT (0 picks a free one). Prints "PostGraphile ready at <url>".
import { createServer } from 'node:http';
import pg from 'pg';
import { postgraphile } from 'postgraphile';
import { makePgService } from 'postgraphile/adaptors/pg';
import { grafserv } from 'postgraphile/grafserv/node';
import { PostGraphileAmberPreset } from 'postgraphile/presets/amber';
import { jsonPgSmartTags } from 'postgraphile/utils';
import { PgSimplifyInflectionPreset } from '@graphile/simplify-inflection';
import { PostGraphileConnectionFilterPreset } from 'postgraphile-plugin-connection-filter';

const BENCH_SCHEMA = 'postgraphile_bench';

/**
 * Links in reading order need their issue's date and their section's position beside them:
 * PostGraphile orders a connection by its own columns, so the bench gives it a view of
 * published links with those columns, related back to the tables by smart tags, and the
 * tags of an issue (the API's Issue.tags) as a computed column.
 */
const VIEW = `
CREATE SCHEMA IF NOT EXISTS ${BENCH_SCHEMA};
CREATE OR REPLACE VIEW ${BENCH_SCHEMA}.published_link AS
  SELECT l.id, l.section_id, l.position, l.title, l.url, l.canonical_url, l.domain, l.summary,
         l.read_time_label, l.read_minutes, l.kind, l.sponsored, l.sponsor_id,
         i.id AS issue_id, i.date AS issue_date, s.position AS section_position
    FROM public.link l JOIN public.section s ON s.id = l.section_id JOIN public.issue i ON i.id = s.issue_id
   WHERE i.status = 'PUBLISHED';
CREATE OR REPLACE FUNCTION ${BENCH_SCHEMA}.issue_tags(i public.issue) RETURNS SETOF public.tag LANGUAGE sql STABLE AS $$
  SELECT t.* FROM public.tag t
   WHERE t.id IN (SELECT lt.tag_id FROM public.section s JOIN public.link l ON l.section_id = s.id
                    JOIN public.link_tag lt ON lt.link_id = l.id WHERE s.issue_id = i.id)
   ORDER BY t.slug $$;`;

const tags = jsonPgSmartTags({
  version: 1,
  config: {
    class: {
      [`${BENCH_SCHEMA}.published_link`]: {
        tags: {
          name: 'published_link',
          primaryKey: 'id',
          foreignKey: [
            '(section_id) references public.section (id)|@fieldName section',
            '(issue_id) references public.issue (id)|@fieldName issue',
            '(id) references public.link (id)|@fieldName link',
          ],
        },
      },
      'public.link_tag': {
        tags: { foreignKey: `(link_id) references ${BENCH_SCHEMA}.published_link (id)|@fieldName publishedLink|@foreignFieldName tags` },
      },
    },
  },
});

const url = process.env.DATABASE_URL;
const poolSize = Number(process.env.POOL_SIZE ?? '10');
const setup = new pg.Client({ connectionString: url });
await setup.connect();
await setup.query(VIEW);
await setup.end();

const pool = new pg.Pool({ connectionString: url, max: poolSize, application_name: 'postgraphile' });
const preset = {
  extends: [PostGraphileAmberPreset, PgSimplifyInflectionPreset, PostGraphileConnectionFilterPreset],
  plugins: [tags],
  // Amber lets a connection filter and sort only on indexed columns; the issue status sits in partial indexes only.
  disablePlugins: ['PgIndexBehaviorsPlugin'],
  pgServices: [makePgService({ pool, schemas: ['public', BENCH_SCHEMA] })],
  schema: { connectionFilterRelations: true, pgForbidSetofFunctionsToReturnNull: true },
  grafserv: { port: 0, graphqlPath: '/graphql', graphiql: false, watch: false, maxRequestLength: 1_000_000 },
  grafast: { explain: false },
};

const pgl = postgraphile(preset);
const serv = pgl.createServ(grafserv);
const server = createServer();
server.once('listening', () => {
  const { port } = server.address();
  console.log(`PostGraphile ready at http://127.0.0.1:${port}/graphql`);
});
await serv.addTo(server);
server.listen(Number(process.env.PORT ?? '0'), '127.0.0.1');

const stop = async () => {
  server.close();
  await pgl.release();
  await pool.end();
  process.exit(0);
};
process.once('SIGTERM', stop);
process.once('SIGINT', stop);

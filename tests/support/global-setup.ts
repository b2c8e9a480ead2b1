import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDataSource } from '../../src/db/data-source';
import { startEmbeddedPostgres, EmbeddedServer } from '../../src/db/embedded';

export const TEMPLATE_DATABASE = 'newsletter_test_template';

declare global {
  var embeddedTestServer: { server: EmbeddedServer; dataDir: string } | undefined;
}

function withDatabase(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * Starts one Postgres server for the whole run (embedded, in a fresh temporary
 * folder, unless TEST_DATABASE_URL names a server) and builds a migrated
 * template database that every test file clones into its own database.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'newsletter-test-pg-'));
    const port = 55000 + Math.floor(Math.random() * 5000);
    const server = await startEmbeddedPostgres({
      dataDir,
      port,
      settings: { fsync: 'off', synchronous_commit: 'off', full_page_writes: 'off', max_connections: '200' },
    });
    globalThis.embeddedTestServer = { server, dataDir };
    serverUrl = server.url;
  }
  const admin = createDataSource({ url: serverUrl, poolSize: 1 });
  await admin.initialize();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DATABASE} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${TEMPLATE_DATABASE}`);
  await admin.destroy();

  const template = createDataSource({ url: withDatabase(serverUrl, TEMPLATE_DATABASE), poolSize: 1 });
  await template.initialize();
  await template.runMigrations({ transaction: 'each' });
  await template.destroy();
  process.env.NEWSLETTER_TEST_SERVER_URL = serverUrl;
}

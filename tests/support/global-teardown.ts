import fs from 'node:fs';

/** Stops the embedded server started by global-setup and removes its data (nothing to do for TEST_DATABASE_URL). */
export default async function globalTeardown(): Promise<void> {
  const embedded = globalThis.embeddedTestServer;
  if (!embedded) return;
  await embedded.server.stop();
  fs.rmSync(embedded.dataDir, { recursive: true, force: true });
}

import { buildReader } from '../web/reader-build';

/** The build's last step (scripts/built.mjs): bundles the reader into dist/web/reader/ and says its sizes on stderr, as the build does. */
async function main(): Promise<void> {
  const files = await buildReader();
  const sizes = files.map((built) => `${built.file} ${(built.gzipBytes / 1024).toFixed(1)} KB gzipped`).join(', ');
  process.stderr.write(`reader: ${sizes}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

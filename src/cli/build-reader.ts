import { buildReader } from '../web/reader-build';

/** `npm run build` ends here: bundles the reader into dist/web/reader/ and prints its sizes. */
async function main(): Promise<void> {
  const files = await buildReader();
  const sizes = files.map((built) => `${built.file} ${(built.gzipBytes / 1024).toFixed(1)} KB gzipped`).join(', ');
  console.log(`reader: ${sizes}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

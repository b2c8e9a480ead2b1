import fs from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/actor';
import { projectRoot } from '../common/project';
import { collectFiles, importFiles } from './batch';
import { Importer } from './importer';

/** The project's own made-up sample issues (`sample/` at the project root), found from source or build output. */
export function sampleFolder(): string {
  const folder = path.join(projectRoot(), 'sample');
  if (!fs.existsSync(folder)) throw new Error(`sample folder not found: ${folder}`);
  return folder;
}

/** The audit trail's name for the sample loaded at start. */
const SAMPLE_ACTOR: Actor = Object.freeze({ kind: 'SYSTEM', keyId: null, name: 'sample loader' });

/** On a database without issues, imports the sample newsletter through the real importer. */
export async function loadSampleIfEmpty(dataSource: DataSource): Promise<string | null> {
  const [{ empty }] = await dataSource.query('SELECT NOT EXISTS (SELECT 1 FROM issue) AS empty');
  if (!empty) return null;
  const summary = await importFiles(new Importer(dataSource), collectFiles([sampleFolder()]), { actor: SAMPLE_ACTOR });
  if (summary.failed.length) {
    throw new Error(`sample import failed: ${summary.failed.map((f) => `${f.file}: ${f.reason}`).join('; ')}`);
  }
  return `loaded sample content: ${summary.created} issues, ${summary.linksWritten} links`;
}

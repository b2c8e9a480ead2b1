import fs from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from '../common/project';

/** Where `npm run build` puts the reader, and where the server looks for it. */
export function readerBuildDir(): string {
  return path.join(projectRoot(), 'dist', 'web', 'reader');
}

/** A built file and its size, plain and gzipped. */
export interface BuiltFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/**
 * Bundles the reader with esbuild (a build-time tool, never loaded by the
 * server): index.html, then assets/reader.js and assets/reader.css, minified.
 */
export async function buildReader(outDir: string = readerBuildDir()): Promise<BuiltFile[]> {
  const esbuild = await import('esbuild');
  const source = path.join(projectRoot(), 'web', 'reader');
  const assets = path.join(outDir, 'assets');
  fs.rmSync(outDir, { recursive: true, force: true });
  fs.mkdirSync(assets, { recursive: true });
  await esbuild.build({
    entryPoints: { reader: path.join(source, 'main.ts'), 'reader-style': path.join(source, 'reader.css') },
    outdir: assets,
    bundle: true,
    minify: true,
    format: 'esm',
    target: ['es2020'],
    charset: 'utf8',
    legalComments: 'none',
    tsconfig: path.join(projectRoot(), 'web', 'tsconfig.json'),
    logLevel: 'warning',
  });
  fs.renameSync(path.join(assets, 'reader-style.css'), path.join(assets, 'reader.css'));
  fs.copyFileSync(path.join(source, 'index.html'), path.join(outDir, 'index.html'));
  return ['index.html', 'assets/reader.js', 'assets/reader.css'].map((file) => {
    const content = fs.readFileSync(path.join(outDir, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content).length };
  });
}

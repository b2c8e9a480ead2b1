import fs from 'node:fs';
import path from 'node:path';

/** The project's root folder (the one holding package.json), found from source (tests) or from build output (dist/). */
export function projectRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  throw new Error(`no package.json above ${__dirname}`);
}

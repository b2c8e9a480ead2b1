import fs from 'node:fs';
import path from 'node:path';

/**
 * The project's root folder: the nearest one above this file holding
 * package.json (from source in tests, or from build output in dist/), else the
 * folder the command runs in (a deployed dist/ without package.json).
 */
export function projectRoot(): string {
  for (let dir = __dirname; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
  }
  return process.cwd();
}

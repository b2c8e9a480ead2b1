import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { sendAsset } from './browser';
import { sendError } from './responses';

/**
 * The reader at /read/: static files built by `npm run build` (web/reader/
 * bundled into dist/web/reader/). Every page address gets the same index.html;
 * the page then asks the public GraphQL API for its content, so these routes
 * serve no data.
 */
export function readerRoutes(buildDir: string): express.Router {
  const router = express.Router({ strict: true });
  const index = path.join(buildDir, 'index.html');
  const assets = path.join(buildDir, 'assets');

  // Anything under assets/ is a file or the JSON 404, never the page.
  router.get('/assets/{*file}', (req, res, next) => {
    const name = req.path.slice('/assets/'.length);
    const missing = () => next('router');
    if (!/^[\w-]+\.(js|css)$/.test(name)) return missing();
    sendAsset(res, missing, path.join(assets, name));
  });
  router.get('/{*page}', (req, res, next) => {
    if (!fs.existsSync(index)) {
      sendError(res, 404, 'NOT_FOUND', 'The reader is not built: run `npm run build`.');
      return;
    }
    sendAsset(res, next, index);
  });
  return router;
}

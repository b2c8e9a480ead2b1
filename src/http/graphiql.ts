import path from 'node:path';
import express from 'express';
import { sendAsset, sendPage, wantsHtml } from './browser';

/**
 * GraphiQL, served by the API itself: opening /graphql in a browser shows it
 * (docs, history, a header editor for `Authorization: Bearer <key>`), with its
 * scripts read from the installed packages (GraphiQL's and React's own browser
 * builds) under /graphiql/, so nothing is loaded from another host.
 */

const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

/** The files GraphiQL needs, by the name they are served under. */
const ASSETS: Readonly<Record<string, string>> = {
  'react.production.min.js': path.join(packageDir('react'), 'umd', 'react.production.min.js'),
  'react-dom.production.min.js': path.join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'),
  'graphiql.min.js': path.join(packageDir('graphiql'), 'graphiql.min.js'),
  'graphiql.min.css': path.join(packageDir('graphiql'), 'graphiql.min.css'),
};

/** The first query a visitor sees, with where to put a key. */
const WELCOME = `# The newsletter API. Public queries need no key. For editor or admin fields,
# add {"Authorization": "Bearer <your key>"} under Headers below (it is not saved).
# Docs (the book icon) describe every type; History keeps what you ran.
query Welcome {
  newsletters { slug name tagline }
  issues(first: 3) {
    edges { node { date headline newsletter { slug } } }
  }
}
`;

/** Starts GraphiQL on the page; a script file, so the page's policy allows no inline script. */
const START_SCRIPT = `"use strict";
(function () {
  var fetcher = GraphiQL.createFetcher({ url: "/graphql" });
  var root = ReactDOM.createRoot(document.getElementById("graphiql"));
  root.render(React.createElement(GraphiQL, {
    fetcher: fetcher,
    defaultQuery: ${JSON.stringify(WELCOME)},
    defaultEditorToolsVisibility: "headers",
    isHeadersEditorEnabled: true,
    shouldPersistHeaders: false
  }));
})();
`;

const PAGE = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Newsletter API · GraphiQL</title>
<link rel="stylesheet" href="/graphiql/graphiql.min.css">
<link rel="stylesheet" href="/graphiql/page.css">
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script src="/graphiql/react.production.min.js"></script>
<script src="/graphiql/react-dom.production.min.js"></script>
<script src="/graphiql/graphiql.min.js"></script>
<script src="/graphiql/start.js"></script>
</body>
</html>
`;

const PAGE_CSS = 'html, body { margin: 0; height: 100%; } #graphiql { height: 100vh; }\n';

/** GraphiQL's page for a browser's GET /graphql without a query; any other request goes on to GraphQL. */
export function graphiqlPage(): express.RequestHandler {
  return (req, res, next) => {
    if (!wantsHtml(req) || req.query.query !== undefined) return next();
    sendPage(res, PAGE);
  };
}

/** GraphiQL's scripts and styles under /graphiql/. */
export function graphiqlAssets(): express.Router {
  const router = express.Router();
  router.get('/start.js', (_req, res) => {
    sendPage(res, START_SCRIPT, 'js');
  });
  router.get('/page.css', (_req, res) => {
    sendPage(res, PAGE_CSS, 'css');
  });
  router.get('/:name', (req, res, next) => {
    if (!Object.hasOwn(ASSETS, req.params.name)) return next();
    sendAsset(res, next, ASSETS[req.params.name]);
  });
  return router;
}

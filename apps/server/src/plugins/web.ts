import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

const API_PREFIX = '/api';

function isApiPath(url: string): boolean {
  return url === API_PREFIX || url.startsWith(`${API_PREFIX}/`) || url.startsWith(`${API_PREFIX}?`);
}

/** A path that names a file (`/assets/app.js`) rather than a page of the app (`/r/abc`). */
function looksLikeFile(url: string): boolean {
  const path = url.split('?')[0] ?? '';
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.includes('.');
}

/** A GET of a page of the app rather than of a file or the API. */
function isPageRequest(request: FastifyRequest): boolean {
  return (
    (request.method === 'GET' || request.method === 'HEAD') &&
    !isApiPath(request.url) &&
    !looksLikeFile(request.url)
  );
}

const MISSING_WEB_MESSAGE =
  'Rulebench API is running, but the web app is not built.\n' +
  'Build it with `pnpm -r run build` (or run `npm start` from the repository root), then reload.\n' +
  'The API is under /api (try /api/health).\n';

/**
 * Serves the built web app (precompressed where the build wrote `.br`/`.gz` copies), with every
 * other non-API GET answered by `index.html` so the app's own routes (`/r/<id>`) load; unknown
 * `/api/*` paths get a JSON 404. Without a build, pages answer with a plain explanation instead.
 */
export default fp(
  async (fastify: FastifyInstance) => {
    const root = fastify.config.webDistDir;
    const built = existsSync(join(root, 'index.html'));
    if (built) {
      await fastify.register(fastifyStatic, {
        root,
        index: ['index.html'],
        // The web build writes `.br` and `.gz` beside each asset: sent as they are, with the
        // matching Content-Encoding, to clients that accept it (the plain file otherwise).
        preCompressed: true,
        setHeaders(reply, path) {
          // Vite fingerprints everything under assets/; index.html must always be revalidated.
          reply.header(
            'cache-control',
            path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
          );
        },
      });
      // Pages of the app (`/r/<id>`, whatever characters the id has, `%00` included) are the
      // app itself: answered before the static files are looked up, whose path checks refuse
      // such names with a 403 meant for files.
      fastify.addHook('onRequest', async (request, reply) => {
        if (!isPageRequest(request) || request.url.split('?')[0] === '/') return;
        return reply.header('cache-control', 'no-cache').sendFile('index.html');
      });
    } else {
      fastify.log.warn({ webDistDir: root }, 'web app not built; serving the API only');
    }

    fastify.setNotFoundHandler((request: FastifyRequest, reply: FastifyReply) => {
      if (isPageRequest(request)) {
        if (built) return reply.header('cache-control', 'no-cache').sendFile('index.html');
        return reply.code(503).type('text/plain; charset=utf-8').send(MISSING_WEB_MESSAGE);
      }
      return reply.code(404).send({
        statusCode: 404,
        error: 'Not Found',
        code: 'not_found',
        message: `Route ${request.method} ${request.url.split('?')[0]} not found`,
      });
    });
  },
  { name: 'web', dependencies: ['config'] },
);

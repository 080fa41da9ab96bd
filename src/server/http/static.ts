// Serves the built app (STATIC_DIR) with an SPA fallback, and 404 JSON for unknown /api paths.
import fs from 'node:fs';
import path from 'node:path';

import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

import { LANGUAGE_COOKIE, prerenderedPagePath } from '../../shared/firstPaint.ts';
import { isShippedLanguage } from '../../shared/languages.ts';
import { isApi } from './security.ts';

// Files that must be revalidated on every load, so a new release (and its service worker) is picked up.
const ALWAYS_REVALIDATE = new Set(['sw.js', 'index.html', 'help.html', 'manifest.webmanifest']);

function setCacheHeaders(res: { setHeader(name: string, value: string): void }, filePath: string, root: string): void {
  const relative = path.relative(root, filePath).split(path.sep).join('/');
  if (relative.startsWith('assets/')) res.setHeader('cache-control', 'public, max-age=31536000, immutable');
  else if (ALWAYS_REVALIDATE.has(path.basename(relative))) res.setHeader('cache-control', 'no-cache');
  else res.setHeader('cache-control', 'public, max-age=3600');
}


export async function registerStatic(app: FastifyInstance, staticDir: string): Promise<void> {
  const root = path.resolve(staticDir);
  const built = fs.existsSync(path.join(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      cacheControl: false,
      etag: true,
      // Send the .br/.gz copies the build writes (src/app/pwa/compressedCopies.ts) to browsers that accept them.
      preCompressed: true,
      // "/" is answered below like every app address, so it too can be the prerendered page in the phone's language.
      index: false,
      setHeaders: (res, filePath) => setCacheHeaders(res, filePath, root),
    });
  }
  const hasPaPage = built && fs.existsSync(path.join(root, 'pa', 'index.html'));

  if (built) app.get('/', async (request, reply) => reply.sendFile(prerenderedPage(root, '/', request.headers.cookie)));

  app.setNotFoundHandler(async (request: FastifyRequest, reply: FastifyReply) => {
    if (isApi(request.url)) {
      return reply.status(404).send({ error: 'not-found', message: `No API route ${request.method} ${request.url.split('?')[0]}.` });
    }
    const pathname = request.url.split('?')[0];
    // A path with a file extension is a missing file, not an app route.
    const looksLikeFile = path.extname(pathname) !== '';
    if (!built || (request.method !== 'GET' && request.method !== 'HEAD') || looksLikeFile) {
      const message = built ? 'Not found.' : 'The app is not built. Run "npm run build", then restart the server.';
      return reply.status(404).type('text/plain; charset=utf-8').send(message);
    }
    if (hasPaPage && (pathname === '/pa' || pathname.startsWith('/pa/'))) return reply.sendFile('pa/index.html');
    return reply.sendFile(prerenderedPage(root, pathname, request.headers.cookie));
  });
}

/**
 * The app's page for an address: Help now has its own prerendered page (so its tel: and sms: links work before, or
 * without, JavaScript), everything else opens index.html. A browser with JavaScript off cannot read the language
 * the phone chose, so the app copies it into a cookie and the page is sent in that language when the build made it.
 */
function prerenderedPage(root: string, pathname: string, cookies: string | undefined): string {
  const page = pathname === '/help' || pathname === '/help/' ? 'help.html' : 'index.html';
  if (page === 'help.html' && !fs.existsSync(path.join(root, page))) return 'index.html';
  const code = new RegExp(`(?:^|;\\s*)${LANGUAGE_COOKIE}=([\\w-]+)`).exec(cookies ?? '')?.[1];
  if (!code || code === 'en' || !isShippedLanguage(code)) return page;
  const translated = prerenderedPagePath(code, page);
  return fs.existsSync(path.join(root, translated)) ? translated : page;
}

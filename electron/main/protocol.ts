// The app:// protocol handler: serves the built renderer from disk with the security headers.
// Reads files itself (no net.fetch of file:// URLs), so the session can refuse file: entirely.
import { contentTypeFor, resolveAppUrl, RESPONSE_SECURITY_HEADERS } from './security';

export type ReadFile = (file: string) => Promise<Uint8Array>;
/** What a Response may carry (Node's fetch types; the shell has no DOM library). */
type ResponseBody = NonNullable<ConstructorParameters<typeof Response>[0]>;

function notFound(): Response {
  return new Response('Niet gevonden.', {
    status: 404,
    headers: { ...RESPONSE_SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
  });
}

export function createAppProtocolHandler(rendererDir: string, readFile: ReadFile) {
  return async (request: { url: string; method?: string }): Promise<Response> => {
    const method = (request.method ?? 'GET').toUpperCase();
    if (method !== 'GET' && method !== 'HEAD') {
      return new Response(null, { status: 405, headers: { ...RESPONSE_SECURITY_HEADERS } });
    }
    const file = resolveAppUrl(request.url, rendererDir);
    if (!file) return notFound();
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return notFound();
    }
    // Node's Buffer is a Uint8Array over ArrayBufferLike, which the fetch types' body union does not name.
    return new Response(method === 'HEAD' ? null : (body as unknown as ResponseBody), {
      status: 200,
      headers: { ...RESPONSE_SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) },
    });
  };
}

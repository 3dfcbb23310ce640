/**
 * Multipart bodies. The client sends through the `undici` package, whose fetch does not recognise
 * Node's global FormData (the body would go out without its boundary), so a FormData body is
 * serialised to bytes here, with the Content-Type carrying its boundary. Bytes can also be replayed
 * on a retry or a 307/308 redirect, which a stream could not.
 */
import type { HttpRequestInit } from './types.ts';

export async function encodeFormBody(init: HttpRequestInit): Promise<HttpRequestInit> {
  if (!(init.body instanceof FormData)) return init;
  const encoded = new Response(init.body);
  const contentType = encoded.headers.get('content-type');
  if (contentType === null) throw new TypeError('FormData encoding gave no Content-Type.');
  const headers = new Headers(init.headers);
  // A Content-Type set by the caller would lack the boundary this encoding chose.
  headers.set('content-type', contentType);
  return { ...init, headers, body: new Uint8Array(await encoded.arrayBuffer()) };
}

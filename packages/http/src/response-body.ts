/**
 * Bounded body handling: responses we skip must release their connection, and error bodies are
 * read only as far as we keep them, so a hostile server cannot make us buffer megabytes.
 */

/** Frees the connection of a response we will not read. */
export async function discardBody(response: Response): Promise<void> {
  try {
    await response.body?.cancel();
  } catch {
    // The body may already be closed or errored; there is nothing left to free.
  }
}

/**
 * Reads at most `maxChars` characters of the body as text, then cancels the rest.
 * @example await readTextPrefix(response, 2048)
 */
export async function readTextPrefix(response: Response, maxChars: number): Promise<string> {
  if (response.body === null) return '';
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    // UTF-8 needs at most 4 bytes per character, so this many bytes always suffices.
    for (let bytes = 0; bytes < maxChars * 4;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytes += value.byteLength;
      text += decoder.decode(value, { stream: true });
      if (text.length >= maxChars) break;
    }
    text += decoder.decode();
  } finally {
    await reader.cancel().catch(() => undefined);
  }
  return text.slice(0, maxChars);
}

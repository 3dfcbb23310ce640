/**
 * Finds the JSON object in a model's reply. Models wrap it in ```json fences, put prose around it, or
 * both; we try fenced blocks first, then every balanced `{…}` in the text, and return the first that parses.
 */
export type ExtractResult = { ok: true; value: unknown } | { ok: false; message: string };

const fencePattern = /```[a-zA-Z]*\s*\n?([\s\S]*?)```/g;

/**
 * @example extractJsonObject('Sure! ```json\n{"a":1}\n```') // { ok: true, value: { a: 1 } }
 */
export function extractJsonObject(reply: string): ExtractResult {
  const candidates = [
    ...Array.from(reply.matchAll(fencePattern), (match) => match[1]!.trim()),
    ...balancedObjects(reply),
  ];
  for (const candidate of candidates) {
    const value = tryParse(candidate);
    if (value !== undefined && typeof value === 'object' && value !== null && !Array.isArray(value))
      return { ok: true, value };
  }
  return {
    ok: false,
    message: reply.includes('{') ? 'The reply holds no valid JSON object' : 'The reply holds no JSON object',
  };
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** Every top-level `{…}` span with balanced braces, ignoring braces inside JSON strings. */
function balancedObjects(text: string): string[] {
  const spans: string[] = [];
  let depth = 0;
  let start = -1;
  let inString = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"' && depth > 0) inString = true;
    else if (char === '{') {
      if (depth === 0) start = index;
      depth += 1;
    } else if (char === '}' && depth > 0) {
      depth -= 1;
      if (depth === 0) spans.push(text.slice(start, index + 1));
    }
  }
  return spans;
}

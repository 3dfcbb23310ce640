/**
 * A rewrite answer is asked for as plain text, but models still wrap it in fences, quotes or a lead-in
 * line such as "Here is the shorter version:". This takes the post out of such wrapping.
 */
const leadIn = /^(?:sure[,!.]?\s*)?(?:here(?:'s| is) (?:the|a|your) [^\n:]{0,60}:)\s*\n/i;
const fenced = /^```[a-zA-Z]*\s*\n([\s\S]*?)\n?```$/;
const quotePairs: [string, string][] = [
  ['"""', '"""'],
  ['"', '"'],
  ['“', '”'],
  ["'", "'"],
];

/**
 * @example cleanRewriteAnswer('Here is the shorter version:\n"Fresh beans today."') // 'Fresh beans today.'
 */
export function cleanRewriteAnswer(answer: string): string {
  let text = answer.trim().replace(leadIn, '').trim();
  const fence = fenced.exec(text);
  if (fence) text = fence[1]!.trim();
  for (const [open, close] of quotePairs) {
    if (text.length > open.length + close.length && text.startsWith(open) && text.endsWith(close)) {
      const inner = text.slice(open.length, text.length - close.length);
      if (!inner.includes(open)) text = inner.trim();
      break;
    }
  }
  return text;
}

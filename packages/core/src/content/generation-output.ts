/**
 * The structured answer we ask the model for, and a tolerant parser for its reply. A reply that does
 * not fit comes back as issues (path + message) the caller can quote when it asks the model again.
 */
import { z } from 'zod';
import { NETWORK_IDS, type NetworkId } from '@plume/networks/contract';
import { hashtagSchema } from '@plume/contract/content/brand-profile';
import { extractJsonObject } from './extract-json.ts';

// Not strict: a field the model adds on its own is ignored rather than costing a re-ask.
export const networkPostSchema = z.object({
  text: z.string().trim().min(1).max(40_000),
  /** Most relevant first; without '#'. They are appended to the text when published. */
  hashtags: z.array(hashtagSchema).max(30).default([]),
  cta: z.string().trim().max(300).optional(),
  altText: z.string().trim().max(4000).optional(),
  /** Further parts of a thread after `text`, on networks that support threads. */
  thread: z.array(z.string().trim().min(1).max(40_000)).max(50).optional(),
  /** Networks with a separate title (YouTube, Pinterest, Reddit, TikTok). */
  title: z.string().trim().min(1).max(300).optional(),
});

export const generationOutputSchema = z.object({
  variants: z
    .array(z.object({ perNetwork: z.partialRecord(z.enum(NETWORK_IDS), networkPostSchema) }))
    .min(1)
    .max(5),
});

export type NetworkPost = z.infer<typeof networkPostSchema>;
export type GenerationOutput = z.infer<typeof generationOutputSchema>;

export type OutputIssue = { path: string; message: string };
export type ParseOutputResult = { ok: true; output: GenerationOutput } | { ok: false; issues: OutputIssue[] };

export type Expected = { networks: readonly NetworkId[]; variants: number };

/**
 * Extracts, validates and checks a reply against what was asked: the number of variants and a post
 * for every target network in each one.
 *
 * @example parseGenerationOutput('```json\n{"variants":[{"perNetwork":{"x":{"text":"Hi"}}}]}\n```', { networks: ['x'], variants: 1 })
 */
export function parseGenerationOutput(reply: string, expected: Expected): ParseOutputResult {
  const extracted = extractJsonObject(reply);
  if (!extracted.ok) return { ok: false, issues: [{ path: '', message: extracted.message }] };
  const parsed = generationOutputSchema.safeParse(extracted.value);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    };
  }
  const issues = missingParts(parsed.data, expected);
  return issues.length > 0 ? { ok: false, issues } : { ok: true, output: parsed.data };
}

function missingParts(output: GenerationOutput, expected: Expected): OutputIssue[] {
  const issues: OutputIssue[] = [];
  if (output.variants.length !== expected.variants) {
    issues.push({
      path: 'variants',
      message: `Expected ${expected.variants} variant(s), got ${output.variants.length}`,
    });
  }
  output.variants.forEach((variant, index) => {
    for (const network of expected.networks) {
      if (!variant.perNetwork[network])
        issues.push({ path: `variants.${index}.perNetwork.${network}`, message: `Missing the post for ${network}` });
    }
  });
  return issues;
}

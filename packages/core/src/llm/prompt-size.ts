/**
 * The prompt size a dry run is asked about, in tokens: given as tokens, or as characters converted with
 * the router's own estimate (`estimateTokensOfChars`), so the dry run and the real call agree.
 */
import { AppError } from '@plume/errors/app-error';
import { estimateTokensOfChars } from '@plume/llm/gateway/routing';

export type PromptSize = { promptTokens?: number | undefined; promptChars?: number | undefined };

export function promptTokensOf(size: PromptSize): number {
  if (size.promptTokens !== undefined) return size.promptTokens;
  if (size.promptChars !== undefined) return estimateTokensOfChars(size.promptChars);
  throw AppError.validation('body/promptTokens', 'Give the prompt size as `promptTokens` or `promptChars`.');
}

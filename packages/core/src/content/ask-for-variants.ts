/**
 * Asks the model for the variants and reads its JSON answer tolerantly. An answer that does not fit
 * (no JSON, wrong shape, a network or variant missing) is sent back once with its issues listed; a
 * second unusable answer is `llm_refused` (422) naming the issues, never a 500.
 */
import type { GenerateResult } from '@plume/llm/gateway/gateway';
import type { ChatMessage } from '@plume/llm/provider-contract';
import { AppError } from '@plume/errors/app-error';
import { askModel, type ModelCaller } from './model-caller.ts';
import { parseGenerationOutput, type Expected, type GenerationOutput, type OutputIssue } from './generation-output.ts';
import type { GenerationPrompt } from './generation-prompt.ts';

export type AskedVariants = { output: GenerationOutput; answers: GenerateResult[] };

/** Room for every post asked for, with a ceiling a local model can still produce. */
function outputBudget(expected: Expected): number {
  return Math.min(8000, 400 + expected.variants * expected.networks.length * 600);
}

function describeIssues(issues: readonly OutputIssue[]): string[] {
  return issues.slice(0, 10).map((issue) => `- ${issue.path || '(answer)'}: ${issue.message}`);
}

/**
 * @example const { output } = await askForVariants(caller, prompt, { networks: ['x', 'linkedin'], variants: 2 })
 */
export async function askForVariants(
  caller: ModelCaller,
  prompt: GenerationPrompt,
  expected: Expected,
): Promise<AskedVariants> {
  const call = (messages: ChatMessage[]) =>
    askModel(
      caller,
      'caption',
      {
        system: prompt.system,
        messages,
        responseFormat: 'json',
        maxOutputTokens: outputBudget(expected),
        temperature: 0.9,
      },
      false,
    );
  const messages: ChatMessage[] = [{ role: 'user', content: prompt.user }];
  const first = await call(messages);
  const parsed = parseGenerationOutput(first.text, expected);
  if (parsed.ok) return { output: parsed.output, answers: [first] };

  const again = [
    ...messages,
    { role: 'assistant' as const, content: first.text.slice(0, 8000) },
    {
      role: 'user' as const,
      content: [
        'Your answer could not be used:',
        ...describeIssues(parsed.issues),
        '',
        'Answer again with the complete JSON object only, in the shape given.',
      ].join('\n'),
    },
  ];
  const second = await call(again);
  const reparsed = parseGenerationOutput(second.text, expected);
  if (reparsed.ok) return { output: reparsed.output, answers: [first, second] };
  throw new AppError('llm_refused', {
    detail:
      `The model (${second.provider}, ${second.model}) did not answer in the asked JSON shape, even when asked again: ` +
      `${describeIssues(reparsed.issues).join(' ')} Try again, or route the caption task to a stronger model on the Models page.`,
  });
}

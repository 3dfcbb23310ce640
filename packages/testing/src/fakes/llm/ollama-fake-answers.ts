/**
 * How the Ollama fake answers `/api/chat` and `/api/generate`: the scripted text is cut into
 * word tokens, streamed as NDJSON chunks, and closed by a final chunk with `done: true`,
 * `done_reason` and the token counts and durations (nanoseconds) Ollama reports.
 * Shapes follow https://github.com/ollama/ollama/blob/main/docs/api.md ("Generate a chat completion").
 */

/** What the scripted answer function sees of a chat or generate request. */
export interface FakeOllamaPrompt {
  endpoint: 'chat' | 'generate';
  model: string;
  /** Chat messages; for `/api/generate`, one user message holding `prompt`. */
  messages: { role: string; content: string; images?: string[] }[];
  system: string | undefined;
  /** `"json"`, a JSON schema object, or undefined. */
  format: unknown;
  options: Record<string, unknown>;
}

/** Returns the text the model "generates" for a request. */
export type FakeOllamaAnswer = (prompt: FakeOllamaPrompt) => string;

/** Ollama's default context window when a request sets no `num_ctx`. */
export const DEFAULT_NUM_CTX = 4096;

/**
 * Deterministic default: echoes the last user message (as a JSON object when `format` asks for
 * JSON), so tests can predict the answer without scripting one.
 */
export const echoAnswer: FakeOllamaAnswer = (prompt) => {
  const last = prompt.messages.findLast((message) => message.role === 'user')?.content ?? '';
  return prompt.format === undefined || prompt.format === '' ? `You said: ${last}` : JSON.stringify({ echo: last });
};

/** Rough token count of a text, the same rule for prompts and answers (~4 characters a token). */
export function countTokens(text: string): number {
  return text.length === 0 ? 0 : Math.max(1, Math.ceil(text.length / 4));
}

/** Splits an answer into streamed pieces: each word with the whitespace before it. */
export function splitTokens(text: string): string[] {
  return text.match(/\s*\S+/g) ?? [];
}

/** The planned answer: pieces to stream and the final statistics. */
export interface PlannedAnswer {
  pieces: string[];
  doneReason: 'stop' | 'length';
  promptEvalCount: number;
}

/**
 * Applies the limits Ollama applies: `num_predict` caps the pieces (`done_reason: "length"`);
 * a prompt larger than `num_ctx` leaves no room, so nothing is generated and the reason is
 * `length` too (a simplification of Ollama's truncation, enough to exercise overflow handling).
 */
export function planAnswer(prompt: FakeOllamaPrompt, text: string): PlannedAnswer {
  const promptText = (prompt.system ?? '') + prompt.messages.map((message) => message.content).join('\n');
  const promptEvalCount = countTokens(promptText);
  const numCtx = typeof prompt.options['num_ctx'] === 'number' ? prompt.options['num_ctx'] : DEFAULT_NUM_CTX;
  if (promptEvalCount >= numCtx) return { pieces: [], doneReason: 'length', promptEvalCount: numCtx };
  const pieces = splitTokens(text);
  const numPredict = prompt.options['num_predict'];
  if (typeof numPredict === 'number' && numPredict >= 0 && pieces.length > numPredict) {
    return { pieces: pieces.slice(0, numPredict), doneReason: 'length', promptEvalCount };
  }
  return { pieces, doneReason: 'stop', promptEvalCount };
}

/** One streamed chunk carrying `piece`. */
export function deltaChunk(
  endpoint: FakeOllamaPrompt['endpoint'],
  model: string,
  piece: string,
): Record<string, unknown> {
  const createdAt = new Date().toISOString();
  return endpoint === 'chat'
    ? { model, created_at: createdAt, message: { role: 'assistant', content: piece }, done: false }
    : { model, created_at: createdAt, response: piece, done: false };
}

/**
 * The closing chunk (`stream: true`) or the whole answer (`stream: false`, pass the full text).
 * Durations are fixed and small: the fake measures nothing, it only reports plausible numbers.
 */
export function finalChunk(
  endpoint: FakeOllamaPrompt['endpoint'],
  model: string,
  plan: PlannedAnswer,
  content: string,
): Record<string, unknown> {
  const evalCount = plan.pieces.length;
  const stats = {
    done: true,
    done_reason: plan.doneReason,
    total_duration: 1_000_000 + evalCount * 10_000,
    load_duration: 100_000,
    prompt_eval_count: plan.promptEvalCount,
    prompt_eval_duration: 200_000,
    eval_count: evalCount,
    eval_duration: evalCount * 10_000,
  };
  const createdAt = new Date().toISOString();
  return endpoint === 'chat'
    ? { model, created_at: createdAt, message: { role: 'assistant', content }, ...stats }
    : { model, created_at: createdAt, response: content, context: [], ...stats };
}

/** Reads a chat or generate body into the prompt the answer function sees. */
export function toPrompt(endpoint: FakeOllamaPrompt['endpoint'], body: Record<string, unknown>): FakeOllamaPrompt {
  const options = isRecord(body['options']) ? body['options'] : {};
  const system = typeof body['system'] === 'string' ? body['system'] : undefined;
  const messages =
    endpoint === 'chat'
      ? (Array.isArray(body['messages']) ? body['messages'] : []).filter(isRecord).map((message) => ({
          role: String(message['role']),
          content: typeof message['content'] === 'string' ? message['content'] : '',
          // Vision models: base64 images on the message (docs/api.md, "Chat request (with images)").
          ...(Array.isArray(message['images'])
            ? { images: message['images'].filter((image): image is string => typeof image === 'string') }
            : {}),
        }))
      : [{ role: 'user', content: typeof body['prompt'] === 'string' ? body['prompt'] : '' }];
  const model = typeof body['model'] === 'string' ? body['model'] : '';
  return { endpoint, model, messages, system, format: body['format'], options };
}

/** Narrows parsed JSON to a plain object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

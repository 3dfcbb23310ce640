/**
 * A fake of Google's Gemini API for media, following ai.google.dev/api (models.list, models.predict,
 * models.generateContent, models.predictLongRunning, operations.get), ai.google.dev/gemini-api/docs/imagen,
 * …/docs/image-generation, …/docs/video and …/docs/troubleshooting:
 * - the key in `x-goog-api-key` (or `?key=`); a wrong one → 400 INVALID_ARGUMENT, reason API_KEY_INVALID;
 * - `GET /v1beta/models` → `{models: [{name, supportedGenerationMethods}]}`;
 * - `POST /v1beta/models/{imagen}:predict` → `{predictions: [{bytesBase64Encoded, mimeType}]}`; a
 *   prompt with FAKE_REFUSED_WORD is filtered (`{raiFilteredReason}` when includeRaiReason, else none);
 * - `POST /v1beta/models/{gemini-image}:generateContent` → a candidate with an `inlineData` image part
 *   (one per reference seen, echoed in the text part); a refused prompt → `promptFeedback.blockReason`;
 * - `POST /v1beta/models/{veo}:predictLongRunning` → `{name: "models/{veo}/operations/{id}"}`, then
 *   `GET /v1beta/{name}` is not done for `pollsUntilDone` polls, then done with
 *   `generateVideoResponse.generatedSamples[0].video.uri` (or RAI-filtered reasons for a refused prompt);
 * - `GET /v1beta/files/{id}:download?alt=media` redirects (302) to `/signed/{id}`, which serves the MP4;
 * - errors `{error: {code, message, status, details}}`; 429 RESOURCE_EXHAUSTED carries RetryInfo.
 */
import type { ServerResponse } from 'node:http';
import { FAKE_REFUSED_WORD, fakeMp4, fakePng } from './fake-media-files.ts';
import { sendJson, startMediaFakeServer } from './media-fake-server.ts';
import type { MediaFakeControls, MediaFakeRequest } from './media-fake-server.ts';

export const GOOGLE_FAKE_MODELS = [
  { name: 'models/gemini-2.5-flash', supportedGenerationMethods: ['generateContent', 'countTokens'] },
  { name: 'models/gemini-2.5-flash-image', supportedGenerationMethods: ['generateContent', 'countTokens'] },
  { name: 'models/imagen-4.0-generate-001', supportedGenerationMethods: ['predict'] },
  { name: 'models/veo-3.0-generate-001', supportedGenerationMethods: ['predictLongRunning'] },
  { name: 'models/text-embedding-004', supportedGenerationMethods: ['embedContent'] },
];
const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
  504: 'DEADLINE_EXCEEDED',
};

export interface GoogleFakeOptions {
  apiKey?: string;
  /** Polls of a Veo operation answered `done: false` before it is done (default 2). */
  pollsUntilDone?: number;
}

export interface GoogleFakeControls extends MediaFakeControls {
  /** The next Veo job ends with this operation error instead of a video. */
  failNextJob(error: { code: number; message: string }): void;
}

interface Job {
  polls: number;
  refused: boolean;
  failure: { code: number; message: string } | undefined;
}

/** A Google error body. */
export function googleError(code: number, message: string, details: unknown[] = []): unknown {
  return { error: { code, message, status: STATUS_NAMES[code] ?? 'UNKNOWN', details } };
}

/** Starts the fake; point the adapter's baseUrl at `fake.url`. */
export async function startGoogleFake(options: GoogleFakeOptions = {}): Promise<GoogleFakeControls> {
  const apiKey = options.apiKey ?? 'test-google-key';
  const pollsUntilDone = options.pollsUntilDone ?? 2;
  const jobs = new Map<string, Job>();
  let nextFailure: { code: number; message: string } | undefined;
  const controls = await startMediaFakeServer({
    errorBody: (status) =>
      status === 429
        ? googleError(429, 'Resource has been exhausted (e.g. check quota).', [
            { '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: '27s' },
          ])
        : googleError(status, status >= 500 ? 'An internal error has occurred.' : 'Request failed.'),
    onReset: () => {
      jobs.clear();
      nextFailure = undefined;
    },
    handler: async (request, res) => {
      if (request.path.startsWith('/signed/')) return sendVideo(res);
      const key = request.headers['x-goog-api-key'] ?? request.query.get('key');
      if (key !== apiKey) {
        sendJson(
          res,
          400,
          googleError(400, 'API key not valid. Please pass a valid API key.', [
            {
              '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
              reason: 'API_KEY_INVALID',
              domain: 'googleapis.com',
            },
          ]),
        );
        return;
      }
      const route = routeOf(request);
      if (route === 'list') return sendJson(res, 200, { models: GOOGLE_FAKE_MODELS });
      if (route === 'download') return redirectToSigned(request, res);
      if (route === 'operation') return pollJob(request, res, jobs, pollsUntilDone);
      const [, model = '', method = ''] = /^\/v1beta\/models\/([^:]+):(\w+)$/.exec(request.path) ?? [];
      const known = GOOGLE_FAKE_MODELS.find((candidate) => candidate.name === `models/${model}`);
      if (known === undefined || !known.supportedGenerationMethods.includes(method)) {
        const words = `models/${model} is not found for API version v1beta, or is not supported for ${method}.`;
        return sendJson(res, 404, googleError(404, words));
      }
      if (method === 'predict') return predict(request, res);
      if (method === 'generateContent') return generateContent(request, res);
      const id = `op${jobs.size + 1}`;
      const prompt = promptOf(fieldAt(request.json, 'instances', 0));
      jobs.set(id, { polls: 0, refused: prompt.includes(FAKE_REFUSED_WORD), failure: nextFailure });
      nextFailure = undefined;
      sendJson(res, 200, { name: `models/${model}/operations/${id}` });
      await Promise.resolve();
    },
  });
  return {
    ...controls,
    failNextJob(error) {
      nextFailure = error;
    },
  };
}

function routeOf(request: MediaFakeRequest): 'list' | 'download' | 'operation' | 'call' {
  if (request.method === 'GET' && request.path === '/v1beta/models') return 'list';
  if (request.method === 'GET' && /^\/v1beta\/files\/[^/]+:download$/.test(request.path)) return 'download';
  if (request.method === 'GET' && request.path.includes('/operations/')) return 'operation';
  return 'call';
}

function fieldAt(body: unknown, key: string, index: number): unknown {
  const list = body instanceof Object && key in body ? (body as Record<string, unknown>)[key] : undefined;
  return Array.isArray(list) ? (list as unknown[])[index] : undefined;
}

function promptOf(instance: unknown): string {
  const prompt = instance instanceof Object && 'prompt' in instance ? instance.prompt : undefined;
  return typeof prompt === 'string' ? prompt.toLowerCase() : '';
}

function predict(request: MediaFakeRequest, res: ServerResponse): void {
  const body = (request.json ?? {}) as { parameters?: { sampleCount?: number; includeRaiReason?: boolean } };
  const count = body.parameters?.sampleCount ?? 4;
  if (count < 1 || count > 4) return sendJson(res, 400, googleError(400, 'sampleCount must be between 1 and 4.'));
  if (promptOf(fieldAt(request.json, 'instances', 0)).includes(FAKE_REFUSED_WORD)) {
    const reason = 'Your current prompt may violate our policies. Try rephrasing it.';
    return sendJson(
      res,
      200,
      body.parameters?.includeRaiReason === true ? { predictions: [{ raiFilteredReason: reason }] } : {},
    );
  }
  const predictions = Array.from({ length: count }, (_, index) => ({
    mimeType: 'image/png',
    bytesBase64Encoded: fakePng(32, 32, index + 1).toString('base64'),
  }));
  sendJson(res, 200, { predictions });
}

function generateContent(request: MediaFakeRequest, res: ServerResponse): void {
  const body = (request.json ?? {}) as { contents?: { parts?: { text?: string; inlineData?: unknown }[] }[] };
  const parts = body.contents?.[0]?.parts ?? [];
  const text = parts.map((part) => part.text ?? '').join(' ');
  if (text.toLowerCase().includes(FAKE_REFUSED_WORD)) {
    return sendJson(res, 200, { promptFeedback: { blockReason: 'PROHIBITED_CONTENT' } });
  }
  const references = parts.filter((part) => part.inlineData !== undefined).length;
  sendJson(res, 200, {
    candidates: [
      {
        content: {
          role: 'model',
          parts: [
            { text: `Here is the image (${references} references).` },
            { inlineData: { mimeType: 'image/png', data: fakePng(32, 32, references + 1).toString('base64') } },
          ],
        },
        finishReason: 'STOP',
      },
    ],
  });
}

function pollJob(request: MediaFakeRequest, res: ServerResponse, jobs: Map<string, Job>, pollsUntilDone: number): void {
  const id = request.path.split('/').at(-1) ?? '';
  const job = jobs.get(id);
  const name = request.path.replace(/^\/v1beta\//, '');
  if (job === undefined) return sendJson(res, 404, googleError(404, `Operation ${name} not found.`));
  job.polls += 1;
  if (job.polls < pollsUntilDone) return sendJson(res, 200, { name, done: false });
  if (job.failure !== undefined) return sendJson(res, 200, { name, done: true, error: job.failure });
  const video = job.refused
    ? {
        raiMediaFilteredCount: 1,
        raiMediaFilteredReasons: ['The prompt could not be submitted: it may violate our policies.'],
      }
    : { generatedSamples: [{ video: { uri: `${baseOf(request)}/v1beta/files/${id}:download?alt=media` } }] };
  const response = {
    '@type': 'type.googleapis.com/google.ai.generativelanguage.v1beta.PredictLongRunningResponse',
    generateVideoResponse: video,
  };
  sendJson(res, 200, { name, done: true, response });
}

function baseOf(request: MediaFakeRequest): string {
  return `http://${request.headers.host ?? '127.0.0.1'}`;
}

function redirectToSigned(request: MediaFakeRequest, res: ServerResponse): void {
  const id = /files\/([^:]+):download/.exec(request.path)?.[1] ?? '';
  res.writeHead(302, { location: `/signed/${id}?sig=fake` });
  res.end();
}

function sendVideo(res: ServerResponse): void {
  res.writeHead(200, { 'content-type': 'video/mp4' });
  res.end(fakeMp4());
}

/**
 * Local speech with the espeak-ng program (no network, no cost): the text goes in on stdin, a WAV file
 * comes out (`-w`, so its header carries the real sizes). `voice` is espeak-ng's (`en-us`, `en-us+f3`:
 * language + variant); a voice of another provider (`alloy`) falls back to `en-us` because espeak-ng
 * crashes on an unknown one. `speed` 1 is espeak-ng's 175 words a minute (`-s`). mp3 and opus are
 * transcoded with the bundled ffmpeg. When the program is missing, health says so in plain words.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ffmpeg from '@ffmpeg-installer/ffmpeg';
import type {
  MediaModelInfo,
  MediaProvider,
  MediaProviderHealth,
  MediaProviderSettings,
  SpeechAnswer,
  SpeechCall,
} from './media-provider-contract.ts';
import { failure } from './media-http.ts';
import { SPEECH_MIME } from './openai-speech.ts';

export const ESPEAK_MODEL = 'espeak-ng';
const DEFAULT_VOICE = 'en-us';
const WORDS_PER_MINUTE = 175;
const DEFAULT_TIMEOUT_MS = 60_000;
const VOICE_PATTERN = /^[a-z]{2,3}(-[a-z0-9]{1,8})*(\+[a-z0-9]{1,12})?$/i;

type Run = { code: number | null; stdout: Buffer; stderr: string };

/** Runs a program with input on stdin; never through a shell. */
function run(
  program: string,
  args: readonly string[],
  input: { stdin?: Buffer | string; timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const stdout: Buffer[] = [];
    let stderr = '';
    let stopped: 'timeout' | 'cancelled' | undefined;
    const stop = (why: 'timeout' | 'cancelled') => {
      stopped = why;
      child.kill('SIGKILL');
    };
    const timer = setTimeout(stop, input.timeoutMs, 'timeout');
    const onAbort = () => stop('cancelled');
    input.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      input.signal?.removeEventListener('abort', onAbort);
      if (stopped) reject(Object.assign(new Error(stopped), { stopped }));
      else resolve({ code, stdout: Buffer.concat(stdout), stderr });
    });
    child.stdin.on('error', () => undefined);
    child.stdin.end(input.stdin ?? '');
  });
}

export function createEspeakProvider(
  settings: MediaProviderSettings,
  deps: { espeakPath?: string | undefined },
): MediaProvider {
  // Only the operator names the program (ESPEAK_PATH): a workspace can never make Plume run one.
  const program = deps.espeakPath ?? ESPEAK_MODEL;
  let languages: Promise<Set<string>> | undefined;
  const missing = () =>
    `espeak-ng is not installed on this server (${program} was not found): install it (apt-get install espeak-ng) or set ESPEAK_PATH.`;

  /** The languages espeak-ng has (`--voices`), read once. */
  function knownLanguages(): Promise<Set<string>> {
    languages ??= new Promise((resolve) => {
      execFile(program, ['--voices'], { timeout: 10_000 }, (error, stdout) => {
        const lines = error ? [] : stdout.split('\n').slice(1);
        resolve(new Set(lines.map((line) => line.trim().split(/\s+/)[1] ?? '').filter(Boolean)));
      });
    });
    return languages;
  }

  async function voiceFor(voice: string): Promise<string> {
    if (!VOICE_PATTERN.test(voice)) return DEFAULT_VOICE;
    const language = voice.split('+')[0]?.toLowerCase() ?? '';
    return (await knownLanguages()).has(language) ? voice : DEFAULT_VOICE;
  }

  async function synthesizeSpeech(call: SpeechCall): Promise<SpeechAnswer> {
    const startedAt = performance.now();
    const timeoutMs = call.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const context = { providerId: settings.id };
    const folder = await mkdtemp(path.join(tmpdir(), 'plume-espeak-'));
    const wavPath = path.join(folder, 'speech.wav');
    try {
      const speed = Math.round(WORDS_PER_MINUTE * Math.min(4, Math.max(0.25, call.speed ?? 1)));
      const args = ['-v', await voiceFor(call.voice), '-s', String(Math.min(450, Math.max(80, speed))), '-w', wavPath];
      const result = await run(program, [...args, '--stdin'], { stdin: call.text, timeoutMs, signal: call.signal });
      if (result.code !== 0)
        throw failure(
          context,
          'server_error',
          `espeak-ng failed (exit ${String(result.code)}: ${result.stderr.trim()}).`,
        );
      const wav = await readFile(wavPath);
      const bytes = call.format === 'wav' ? wav : await transcode(wav, call.format, timeoutMs, call.signal);
      return {
        audio: { bytes: new Uint8Array(bytes), mimeType: SPEECH_MIME[call.format] },
        model: ESPEAK_MODEL,
        latencyMs: Math.round(performance.now() - startedAt),
      };
    } catch (error) {
      throw toFailure(error, context, missing, timeoutMs);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  }

  async function health(): Promise<MediaProviderHealth> {
    const startedAt = performance.now();
    try {
      const result = await run(program, ['--version'], { timeoutMs: 10_000 });
      const latencyMs = Math.round(performance.now() - startedAt);
      if (result.code === 0) return { ok: true, latencyMs };
      return { ok: false, latencyMs, reason: `espeak-ng did not start (exit ${String(result.code)}).` };
    } catch (error) {
      return { ok: false, latencyMs: Math.round(performance.now() - startedAt), reason: describe(error, missing) };
    }
  }

  return {
    id: settings.id,
    kind: 'espeak',
    capabilities: {
      image: false,
      video: false,
      speech: true,
      seed: false,
      referenceImages: false,
      negativePrompt: false,
    },
    synthesizeSpeech,
    listModels: async (): Promise<MediaModelInfo[]> => [{ id: ESPEAK_MODEL, makes: ['speech'] }],
    health,
  };
}

async function transcode(
  wav: Buffer,
  format: 'mp3' | 'opus',
  timeoutMs: number,
  signal: AbortSignal | undefined,
): Promise<Buffer> {
  const codec =
    format === 'mp3' ? ['-c:a', 'libmp3lame', '-b:a', '96k', '-f', 'mp3'] : ['-c:a', 'libopus', '-f', 'ogg'];
  const result = await run(ffmpeg.path, ['-hide_banner', '-loglevel', 'error', '-i', 'pipe:0', ...codec, 'pipe:1'], {
    stdin: wav,
    timeoutMs,
    signal,
  });
  if (result.code !== 0 || result.stdout.length === 0)
    throw new Error(`ffmpeg could not make ${format} from espeak-ng's WAV: ${result.stderr.trim()}`);
  return result.stdout;
}

function describe(error: unknown, missing: () => string): string {
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return missing();
  return error instanceof Error ? error.message : String(error);
}

function toFailure(error: unknown, context: { providerId: string }, missing: () => string, timeoutMs: number): Error {
  if (error instanceof Error && error.name === 'LlmProviderError') return error;
  const stopped = error instanceof Error && 'stopped' in error ? error.stopped : undefined;
  if (stopped === 'cancelled') return failure(context, 'cancelled', 'The speech call to espeak-ng was cancelled.');
  if (stopped === 'timeout')
    return failure(context, 'timeout', `espeak-ng did not finish within ${Math.round(timeoutMs / 1000)} s.`);
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT')
    return failure(context, 'connection_refused', missing(), { cause: error });
  return failure(context, 'server_error', describe(error, missing), { cause: error });
}

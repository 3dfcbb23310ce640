/**
 * Runs ffmpeg or ffprobe as a child process: arguments as an array (never a shell), a time limit,
 * progress read from `-progress pipe:1` (`out_time_ms` over the expected duration → 0–1), the last
 * lines of stderr kept for the error, and the process killed when the caller aborts.
 */
import { spawn } from 'node:child_process';
import { toolPath, VideoToolUnavailable, type VideoTool } from './ffmpeg-binaries.ts';

export class VideoToolFailed extends Error {
  readonly exitCode: number | null;
  readonly stderrTail: string;
  constructor(message: string, exitCode: number | null, stderrTail: string) {
    super(stderrTail === '' ? message : `${message}: ${stderrTail}`);
    this.name = 'VideoToolFailed';
    this.exitCode = exitCode;
    this.stderrTail = stderrTail;
  }
}

export type RunOptions = {
  timeoutMs?: number;
  signal?: AbortSignal;
  /** The output's expected length: progress is its share already written. */
  expectedDurationSec?: number;
  onProgress?: (fraction: number) => void;
};

const STDERR_TAIL_CHARS = 2000;
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/** Keeps only the end of a growing text. */
function tailKeeper(limit: number) {
  let text = '';
  return {
    add(chunk: string) {
      text = (text + chunk).slice(-limit);
    },
    lines(count: number) {
      return text.trim().split('\n').slice(-count).join('\n');
    },
  };
}

/** Reads `key=value` lines of `-progress pipe:1` and reports out_time over the expected duration. */
function progressReader(options: RunOptions) {
  let pending = '';
  let last = -1;
  return (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      const [key, value] = line.split('=');
      if ((key === 'out_time_ms' || key === 'out_time_us') && value !== undefined && options.expectedDurationSec) {
        const seconds = Number(value) / 1_000_000;
        if (!Number.isFinite(seconds)) continue;
        const fraction = Math.min(1, Math.max(0, seconds / options.expectedDurationSec));
        if (fraction > last) {
          last = fraction;
          options.onProgress?.(fraction);
        }
      }
      if (key === 'progress' && value?.trim() === 'end' && last < 1) {
        last = 1;
        options.onProgress?.(1);
      }
    }
  };
}

/**
 * Runs a tool to its end and returns its stdout. Rejects with VideoToolFailed (exit code and stderr
 * tail), VideoToolUnavailable, or the abort reason.
 */
export async function runTool(tool: VideoTool, args: readonly string[], options: RunOptions = {}): Promise<string> {
  const file = await toolPath(tool);
  options.signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const stderr = tailKeeper(STDERR_TAIL_CHARS);
    const stdout: string[] = [];
    const readProgress = options.onProgress === undefined ? undefined : progressReader(options);
    let stopReason: Error | undefined;
    const stop = (reason: Error) => {
      stopReason ??= reason;
      child.kill('SIGKILL');
    };
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const timer = setTimeout(
      () =>
        stop(
          new VideoToolFailed(`${tool} took longer than ${Math.round(timeoutMs / 1000)} s and was stopped`, null, ''),
        ),
      timeoutMs,
    );
    const onAbort = () =>
      stop(options.signal?.reason instanceof Error ? options.signal.reason : new Error(`${tool} was cancelled`));
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      if (readProgress !== undefined) readProgress(chunk);
      else stdout.push(chunk);
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.add(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      reject(stopReason ?? new VideoToolUnavailable(tool, error.message));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (stopReason !== undefined) reject(stopReason);
      else if (code !== 0) reject(new VideoToolFailed(`${tool} exited with code ${code}`, code, stderr.lines(8)));
      else resolve(stdout.join(''));
    });
  });
}

/** ffmpeg with the flags every call wants: no banner, errors only on stderr, progress on stdout. */
export function runFfmpeg(args: readonly string[], options: RunOptions = {}): Promise<string> {
  return runTool('ffmpeg', ['-hide_banner', '-nostdin', '-loglevel', 'error', '-progress', 'pipe:1', '-y', ...args], {
    ...options,
    onProgress: options.onProgress ?? (() => {}),
  });
}

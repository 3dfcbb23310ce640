import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { rejectionOf } from '@plume/testing/rejection-of';
import { createEspeakProvider } from './espeak.ts';
import { LlmProviderError } from './media-provider-contract.ts';

// The real program: `apt-get install espeak-ng` (docs/media.md). Skipped, saying why, where it is missing.
const espeakPath = spawnSync('espeak-ng', ['--version']).error === undefined ? 'espeak-ng' : undefined;
const settings = { id: 'espeak', kind: 'espeak' as const };

/** Duration of a WAV from its header (data bytes / byte rate). */
function wavSeconds(bytes: Uint8Array): number {
  const view = Buffer.from(bytes);
  expect(view.toString('ascii', 0, 4)).toBe('RIFF');
  expect(view.toString('ascii', 8, 12)).toBe('WAVE');
  const byteRate = view.readUInt32LE(28);
  const dataSize = view.readUInt32LE(40);
  return dataSize / byteRate;
}

describe.skipIf(espeakPath === undefined)('espeak-ng (skipped: the espeak-ng program is not installed)', () => {
  const espeak = createEspeakProvider(settings, { espeakPath });

  it('speaks a text as a WAV whose header has the real length, faster with a higher speed', async () => {
    const text = 'Plume makes your posts while you sleep.';
    const normal = await espeak.synthesizeSpeech!({ model: 'espeak-ng', text, voice: 'en-us+f3', format: 'wav' });
    expect(normal.audio.mimeType).toBe('audio/wav');
    const fast = await espeak.synthesizeSpeech!({ model: 'espeak-ng', text, voice: 'en-us', format: 'wav', speed: 2 });
    const [slow, quick] = [wavSeconds(normal.audio.bytes), wavSeconds(fast.audio.bytes)];
    expect(slow).toBeGreaterThan(1);
    expect(quick).toBeLessThan(slow * 0.75);
  });

  it("falls back to en-us for another provider's voice instead of crashing, and makes mp3 with ffmpeg", async () => {
    const answer = await espeak.synthesizeSpeech!({ model: 'espeak-ng', text: 'Hello', voice: 'alloy', format: 'mp3' });
    expect(answer.audio.mimeType).toBe('audio/mpeg');
    const bytes = Buffer.from(answer.audio.bytes);
    const isMp3 = bytes.toString('ascii', 0, 3) === 'ID3' || (bytes[0] === 0xff && ((bytes[1] ?? 0) & 0xe0) === 0xe0);
    expect(isMp3).toBe(true);
  });

  it('is healthy and lists its one model', async () => {
    expect((await espeak.health()).ok).toBe(true);
    expect(await espeak.listModels()).toEqual([{ id: 'espeak-ng', makes: ['speech'] }]);
    expect(execFileSync(espeakPath as string, ['--version']).toString()).toMatch(/eSpeak NG/);
  });
});

describe('espeak-ng missing', () => {
  const missing = createEspeakProvider(settings, { espeakPath: '/nonexistent/espeak-ng' });

  it('says so in plain words from health and from a call', async () => {
    const health = await missing.health();
    expect(health.ok).toBe(false);
    expect(health.reason).toMatch(/espeak-ng is not installed on this server/);
    const error = await rejectionOf(
      missing.synthesizeSpeech!({ model: 'espeak-ng', text: 'Hi', voice: 'en', format: 'wav' }),
      LlmProviderError,
    );
    expect(error.kind).toBe('connection_refused');
  });
});

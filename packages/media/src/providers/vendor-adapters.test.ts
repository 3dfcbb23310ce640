import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHttpClient } from '@plume/http/http-client';
import { startGoogleFake } from '@plume/testing/fakes/media/google-fake';
import type { GoogleFakeControls } from '@plume/testing/fakes/media/google-fake';
import { createMediaProvider } from './create-media-provider.ts';
import { nearestAspectRatio, stableDiffusionSize } from './media-sizes.ts';
import { sniffMediaType } from './media-bytes.ts';

const http = createHttpClient({ allowPrivateHosts: ['127.0.0.1'] });
let google: GoogleFakeControls;

beforeAll(async () => {
  google = await startGoogleFake({ apiKey: 'AIza-registry' });
});
afterAll(() => google.close());

describe('the vendor adapters in the factory', () => {
  it('builds each kind with honest capabilities', () => {
    const local = { baseUrl: 'http://127.0.0.1:7860' };
    const built = {
      google: createMediaProvider({ id: 'google', kind: 'google', apiKey: 'k' }, { http }),
      stability: createMediaProvider({ id: 'stability', kind: 'stability', apiKey: 'k' }, { http }),
      automatic1111: createMediaProvider({ id: 'a1111', kind: 'automatic1111', ...local }, { http }),
      comfyui: createMediaProvider({ id: 'comfyui', kind: 'comfyui', ...local }, { http }),
    };
    expect(built.google.capabilities).toMatchObject({ image: true, video: true, seed: false, referenceImages: true });
    expect(built.stability.capabilities).toMatchObject({ image: true, video: false, seed: true, negativePrompt: true });
    for (const provider of [built.automatic1111, built.comfyui]) {
      expect(provider.capabilities).toMatchObject({ image: true, video: false, seed: true, referenceImages: true });
    }
    expect(Object.values(built).map((provider) => provider.kind)).toEqual([
      'google',
      'stability',
      'automatic1111',
      'comfyui',
    ]);
  });

  it('reaches the vendor through the factory', async () => {
    const provider = createMediaProvider(
      { id: 'google', kind: 'google', baseUrl: google.url, apiKey: 'AIza-registry' },
      { http },
    );
    expect(await provider.health()).toMatchObject({ ok: true });
  });
});

describe('size mapping and type checks', () => {
  it('picks the nearest allowed shape', () => {
    expect(nearestAspectRatio(1080, 1350, ['1:1', '3:4', '4:3', '9:16', '16:9'])).toBe('3:4');
    expect(nearestAspectRatio(1000, 1500, ['1:1', '3:4', '9:16'])).toBe('3:4');
    expect(nearestAspectRatio(1440, 1080, ['16:9', '3:2', '1:1'])).toBe('3:2');
  });

  it('sizes Stable Diffusion near the checkpoint resolution in multiples of 64', () => {
    expect(stableDiffusionSize(1080, 1920, 'sd_xl_base_1.0')).toEqual({ width: 768, height: 1344 });
    expect(stableDiffusionSize(1080, 1080, 'v1-5-pruned')).toEqual({ width: 512, height: 512 });
    expect(stableDiffusionSize(1000, 1500, 'flux1-dev')).toEqual({ width: 832, height: 1280 });
  });

  it('reads the type from the magic bytes', () => {
    expect(sniffMediaType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe('image/jpeg');
    expect(sniffMediaType(new Uint8Array(Buffer.from('RIFF\0\0\0\0WEBPVP8 ', 'latin1')))).toBe('image/webp');
    expect(sniffMediaType(new Uint8Array(Buffer.from('\0\0\0\x18ftypqt  ', 'latin1')))).toBe('video/quicktime');
    expect(sniffMediaType(new Uint8Array(Buffer.from('<html>', 'latin1')))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { probeBytes, readProbeOutput } from './probe-media.ts';
import { toneM4a, webmClip } from './video-test-support.ts';

describe('probe (real ffprobe)', () => {
  it('reads a VP9/Opus WebM clip', { timeout: 60_000 }, async () => {
    const probe = await probeBytes(await webmClip(2));
    expect(probe).toMatchObject({ videoCodec: 'vp9', audioCodec: 'opus', width: 320, height: 240, hasAudio: true });
    expect(probe?.durationSec).toBeCloseTo(2, 0);
    expect(probe?.formatName).toContain('webm');
  });

  it('reads audio without a picture', { timeout: 60_000 }, async () => {
    const probe = await probeBytes(await toneM4a(1));
    expect(probe).toMatchObject({ hasVideo: false, hasAudio: true, audioCodec: 'aac', width: null });
  });

  it('answers null for bytes that are not audio or video', async () => {
    expect(await probeBytes(new TextEncoder().encode('this is not a video at all'))).toBeNull();
  });
});

describe('readProbeOutput', () => {
  it('turns a phone video rotated 90° into its shown size', () => {
    const json = JSON.stringify({
      streams: [
        { codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, side_data_list: [{ rotation: -90 }] },
      ],
      format: { format_name: 'mov,mp4', duration: '3.5' },
    });
    expect(readProbeOutput(json)).toMatchObject({ width: 1080, height: 1920, rotation: 270, hasAudio: false });
  });

  it('does not count MP3 cover art as video', () => {
    const json = JSON.stringify({
      streams: [
        { codec_type: 'audio', codec_name: 'mp3' },
        { codec_type: 'video', codec_name: 'mjpeg', width: 500, height: 500, disposition: { attached_pic: 1 } },
      ],
      format: { format_name: 'mp3', duration: '12' },
    });
    expect(readProbeOutput(json)).toMatchObject({ hasVideo: false, videoCodec: null, audioCodec: 'mp3' });
  });
});

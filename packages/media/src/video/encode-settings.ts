/**
 * The output every rendition and slideshow uses: H.264 (High profile, yuv420p) and AAC stereo in an
 * MP4 with the index at the front (faststart), which every network in Plume accepts and can start
 * playing before the whole file has arrived.
 */
export type X264Preset = 'ultrafast' | 'superfast' | 'veryfast' | 'faster' | 'fast' | 'medium';

/**
 * @param preset x264's speed: slideshows of stills use `superfast` (still frames are cheap to code
 *   well), renditions of camera video `veryfast`. CRF 21 keeps text crisp; networks re-encode anyway.
 */
export function h264AacOutput(preset: X264Preset = 'veryfast'): string[] {
  return [
    ...['-c:v', 'libx264', '-preset', preset, '-crf', '21', '-profile:v', 'high', '-pix_fmt', 'yuv420p'],
    ...['-c:a', 'aac', '-b:a', '128k', '-ar', '48000', '-ac', '2'],
    ...['-movflags', '+faststart'],
  ];
}

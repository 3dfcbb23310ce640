/**
 * Maps the size Plume wants (ASPECT_SIZES) to what a model accepts: cloud APIs take an aspect ratio
 * from a fixed list; Stable Diffusion takes pixels, best near the resolution its model was trained
 * at and in multiples of 64 (a 1080×1920 request would run out of memory or repeat the subject).
 */

/**
 * The allowed ratio ("W:H") closest in shape to width×height (compared on a log scale, so 2:1 and
 * 1:2 are equally far from 1:1).
 * @example nearestAspectRatio(1080, 1350, ['1:1', '3:4', '9:16']) // '3:4'
 */
export function nearestAspectRatio(width: number, height: number, allowed: readonly string[]): string {
  const wanted = Math.log(width / height);
  let best = allowed[0] ?? '1:1';
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const ratio of allowed) {
    const [w, h] = ratio.split(':').map(Number);
    if (w === undefined || h === undefined || !(w > 0 && h > 0)) continue;
    const distance = Math.abs(Math.log(w / h) - wanted);
    if (distance < bestDistance) {
      best = ratio;
      bestDistance = distance;
    }
  }
  return best;
}

/** Checkpoints trained at 1024² (SDXL and its descendants, SD3, Flux); older ones at 512². */
const LARGE_MODEL = /xl|sd3|sd_3|flux|pony|illustrious|playground|cascade/i;

/**
 * The Stable Diffusion size for a model: the wanted shape at about the model's native pixel count,
 * each side a multiple of 64.
 * @example stableDiffusionSize(1080, 1920, 'sd_xl_base_1.0.safetensors') // { width: 768, height: 1344 }
 */
export function stableDiffusionSize(width: number, height: number, model: string): { width: number; height: number } {
  const side = LARGE_MODEL.test(model) ? 1024 : 512;
  const scale = Math.sqrt((side * side) / (width * height));
  const round = (value: number): number => Math.max(64, Math.round((value * scale) / 64) * 64);
  return { width: round(width), height: round(height) };
}

/**
 * The built-in ComfyUI workflow Plume sends, in ComfyUI's API format (node id → `{class_type, inputs}`,
 * a link being `[node id, output index]`): the default text-to-image graph of ComfyUI's own example
 * (checkpoint loader, positive and negative CLIP text encode, empty latent of the size, KSampler, VAE
 * decode, SaveImage). With a reference, the latent comes from the uploaded image instead (LoadImage →
 * ImageScale to the size → VAEEncode, repeated for a batch) and the KSampler's `denoise` keeps part of it.
 */

export interface WorkflowInput {
  checkpoint: string;
  prompt: string;
  negativePrompt: string;
  width: number;
  height: number;
  batchSize: number;
  seed: number;
  steps: number;
  cfg: number;
  /** The uploaded reference's name in ComfyUI's input folder, and how much of it to keep (0–1). */
  reference?: { name: string; keep: number };
}

export type WorkflowNode = { class_type: string; inputs: Record<string, unknown> };

/** Node ids, fixed so errors and outputs can be traced back to a step. */
export const NODE = {
  checkpoint: '4',
  latent: '5',
  positive: '6',
  negative: '7',
  sampler: '3',
  decode: '8',
  save: '9',
  loadImage: '10',
  encode: '11',
  repeat: '12',
  scale: '13',
} as const;

/**
 * Builds the graph.
 * @example buildWorkflow({ checkpoint: 'sd_xl_base_1.0.safetensors', prompt: 'a fox', negativePrompt: '', width: 1024, height: 1024, batchSize: 1, seed: 7, steps: 25, cfg: 7 })
 */
export function buildWorkflow(input: WorkflowInput): Record<string, WorkflowNode> {
  const graph: Record<string, WorkflowNode> = {
    [NODE.checkpoint]: { class_type: 'CheckpointLoaderSimple', inputs: { ckpt_name: input.checkpoint } },
    [NODE.positive]: { class_type: 'CLIPTextEncode', inputs: { text: input.prompt, clip: [NODE.checkpoint, 1] } },
    [NODE.negative]: {
      class_type: 'CLIPTextEncode',
      inputs: { text: input.negativePrompt, clip: [NODE.checkpoint, 1] },
    },
    [NODE.sampler]: {
      class_type: 'KSampler',
      inputs: {
        seed: input.seed,
        steps: input.steps,
        cfg: input.cfg,
        sampler_name: 'euler',
        scheduler: 'normal',
        denoise: input.reference === undefined ? 1 : round(1 - input.reference.keep),
        model: [NODE.checkpoint, 0],
        positive: [NODE.positive, 0],
        negative: [NODE.negative, 0],
        latent_image: [input.reference === undefined ? NODE.latent : NODE.repeat, 0],
      },
    },
    [NODE.decode]: { class_type: 'VAEDecode', inputs: { samples: [NODE.sampler, 0], vae: [NODE.checkpoint, 2] } },
    [NODE.save]: { class_type: 'SaveImage', inputs: { filename_prefix: 'plume', images: [NODE.decode, 0] } },
  };
  if (input.reference === undefined) {
    graph[NODE.latent] = {
      class_type: 'EmptyLatentImage',
      inputs: { width: input.width, height: input.height, batch_size: input.batchSize },
    };
  } else {
    graph[NODE.loadImage] = { class_type: 'LoadImage', inputs: { image: input.reference.name } };
    graph[NODE.scale] = {
      class_type: 'ImageScale',
      inputs: {
        image: [NODE.loadImage, 0],
        upscale_method: 'lanczos',
        width: input.width,
        height: input.height,
        crop: 'center',
      },
    };
    graph[NODE.encode] = { class_type: 'VAEEncode', inputs: { pixels: [NODE.scale, 0], vae: [NODE.checkpoint, 2] } };
    graph[NODE.repeat] = {
      class_type: 'RepeatLatentBatch',
      inputs: { samples: [NODE.encode, 0], amount: input.batchSize },
    };
  }
  return graph;
}

function round(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}

/**
 * A fake of ComfyUI's HTTP server, following docs.comfy.org/development/comfyui-server/comms_routes
 * and the server's `server.py`:
 * - `POST /prompt {prompt, client_id}` → `{prompt_id, number, node_errors: {}}`; a graph that does not
 *   validate → 400 `{error: {type: "prompt_outputs_failed_validation", message, details}, node_errors:
 *   {id: {errors: [{type, message, details}], class_type}}}` (an unknown node class, a checkpoint not
 *   in the loader's list, a size that is not a multiple of 8);
 * - `GET /history/{id}` → `{}` while queued or running (`pollsUntilDone` polls), then `{id: {prompt,
 *   outputs: {saveNode: {images: [{filename, subfolder, type}]}}, status: {status_str, completed,
 *   messages}}}`; a failed run has `status_str: "error"` and an `execution_error` message;
 * - `GET /view?filename&subfolder&type` → the PNG; `POST /upload/image` (multipart `image`) → `{name,
 *   subfolder, type: "input"}`;
 * - `GET /object_info/CheckpointLoaderSimple` → the loader's `ckpt_name` choices (`[[names], {}]`).
 * ComfyUI has no auth; with `bearer` set the fake acts as a reverse proxy that requires a token.
 */
import type { ServerResponse } from 'node:http';
import { fakePng } from './fake-media-files.ts';
import { sendJson, startMediaFakeServer } from './media-fake-server.ts';
import type { MediaFakeControls, MediaFakeRequest } from './media-fake-server.ts';

export const COMFYUI_FAKE_CHECKPOINTS = ['sd_xl_base_1.0.safetensors', 'v1-5-pruned-emaonly.safetensors'];
const KNOWN_NODES = [
  'CheckpointLoaderSimple',
  'CLIPTextEncode',
  'EmptyLatentImage',
  'KSampler',
  'VAEDecode',
  'VAEEncode',
  'SaveImage',
  'LoadImage',
  'ImageScale',
  'RepeatLatentBatch',
];

export interface ComfyUiFakeOptions {
  /** History polls answered `{}` before a prompt is done (default 2). */
  pollsUntilDone?: number;
  /** A token the fake (as a reverse proxy) requires; ComfyUI itself has none. */
  bearer?: string;
}

export interface ComfyUiFakeControls extends MediaFakeControls {
  /** The next queued prompt fails while running, with this node error. */
  failNextRun(error: { nodeType: string; message: string }): void;
  /** Files uploaded to the input folder. */
  uploads: Map<string, Buffer>;
}

type Node = { class_type?: unknown; inputs?: Record<string, unknown> };
interface Run {
  polls: number;
  graph: Record<string, Node>;
  failure: { nodeType: string; message: string } | undefined;
}

/** Starts the fake; point the adapter's baseUrl at `fake.url`. */
export async function startComfyUiFake(options: ComfyUiFakeOptions = {}): Promise<ComfyUiFakeControls> {
  const pollsUntilDone = options.pollsUntilDone ?? 2;
  const runs = new Map<string, Run>();
  const uploads = new Map<string, Buffer>();
  let nextFailure: { nodeType: string; message: string } | undefined;
  const controls = await startMediaFakeServer({
    errorBody: (status) => ({ error: { type: 'server_error', message: `HTTP ${status}`, details: '' } }),
    onReset: () => {
      runs.clear();
      uploads.clear();
      nextFailure = undefined;
    },
    handler: async (request, res) => {
      if (options.bearer !== undefined && request.headers.authorization !== `Bearer ${options.bearer}`) {
        return sendJson(res, 401, { error: { type: 'unauthorized', message: 'Unauthorized', details: '' } });
      }
      if (request.method === 'GET' && request.path === '/object_info/CheckpointLoaderSimple') {
        return sendJson(res, 200, {
          CheckpointLoaderSimple: { input: { required: { ckpt_name: [COMFYUI_FAKE_CHECKPOINTS, {}] } } },
        });
      }
      if (request.method === 'POST' && request.path === '/upload/image') return upload(request, res, uploads);
      if (request.method === 'POST' && request.path === '/prompt') {
        const id = queue(request, res, runs.size + 1);
        if (id !== undefined) {
          runs.set(id.promptId, { polls: 0, graph: id.graph, failure: nextFailure });
          nextFailure = undefined;
        }
        return;
      }
      if (request.method === 'GET' && request.path.startsWith('/history/')) {
        return history(request, res, runs, pollsUntilDone);
      }
      if (request.method === 'GET' && request.path === '/view') return view(request, res);
      sendJson(res, 404, { error: { type: 'not_found', message: 'Not Found', details: '' } });
      await Promise.resolve();
    },
  });
  return {
    ...controls,
    uploads,
    failNextRun(error) {
      nextFailure = error;
    },
  };
}

function upload(request: MediaFakeRequest, res: ServerResponse, uploads: Map<string, Buffer>): void {
  const file = request.form?.get('image');
  if (!(file instanceof File)) return sendJson(res, 400, { error: 'no image' });
  void file.arrayBuffer().then((bytes) => {
    uploads.set(file.name, Buffer.from(bytes));
    sendJson(res, 200, { name: file.name, subfolder: '', type: 'input' });
  });
}

function queue(
  request: MediaFakeRequest,
  res: ServerResponse,
  number: number,
): { promptId: string; graph: Record<string, Node> } | undefined {
  const graph = (request.json as { prompt?: Record<string, Node> } | undefined)?.prompt;
  if (graph === undefined) {
    sendJson(res, 400, { error: { type: 'no_prompt', message: 'No prompt provided', details: '' }, node_errors: {} });
    return undefined;
  }
  const nodeErrors = validate(graph);
  if (Object.keys(nodeErrors).length > 0) {
    const error = {
      type: 'prompt_outputs_failed_validation',
      message: 'Prompt outputs failed validation',
      details: '',
    };
    sendJson(res, 400, { error, node_errors: nodeErrors });
    return undefined;
  }
  const promptId = `00000000-0000-4000-8000-${String(number).padStart(12, '0')}`;
  sendJson(res, 200, { prompt_id: promptId, number, node_errors: {} });
  return { promptId, graph };
}

function validate(graph: Record<string, Node>): Record<string, unknown> {
  const errors: Record<string, unknown> = {};
  const fail = (id: string, type: string, message: string, details: string): void => {
    errors[id] = { errors: [{ type, message, details, extra_info: {} }], dependent_outputs: [], class_type: type };
  };
  for (const [id, node] of Object.entries(graph)) {
    const type = String(node.class_type);
    const inputs = node.inputs ?? {};
    if (!KNOWN_NODES.includes(type)) fail(id, type, 'Node not found', `class_type ${type} is not installed`);
    const checkpoint = inputs['ckpt_name'];
    if (type === 'CheckpointLoaderSimple' && !COMFYUI_FAKE_CHECKPOINTS.includes(String(checkpoint))) {
      const list = JSON.stringify(COMFYUI_FAKE_CHECKPOINTS);
      fail(id, type, 'Value not in list', `ckpt_name: '${String(checkpoint)}' not in ${list}`);
    }
    for (const side of ['width', 'height']) {
      const value = inputs[side];
      if (value !== undefined && (typeof value !== 'number' || value % 8 !== 0)) {
        fail(id, type, 'Value not a multiple of 8', `${side}: ${JSON.stringify(value)}`);
      }
    }
  }
  return errors;
}

function history(request: MediaFakeRequest, res: ServerResponse, runs: Map<string, Run>, pollsUntilDone: number): void {
  const id = decodeURIComponent(request.path.slice('/history/'.length));
  const run = runs.get(id);
  if (run === undefined) return sendJson(res, 200, {});
  run.polls += 1;
  if (run.polls < pollsUntilDone) return sendJson(res, 200, {});
  if (run.failure !== undefined) {
    const data = {
      prompt_id: id,
      node_id: '3',
      node_type: run.failure.nodeType,
      exception_message: run.failure.message,
    };
    const messages = [
      ['execution_start', { prompt_id: id }],
      ['execution_error', data],
    ];
    return sendJson(res, 200, {
      [id]: { prompt: [], outputs: {}, status: { status_str: 'error', completed: false, messages } },
    });
  }
  const saveId = Object.keys(run.graph).find((key) => run.graph[key]?.class_type === 'SaveImage') ?? '9';
  const batch = batchOf(run.graph);
  const images = Array.from({ length: batch }, (_, index) => ({
    filename: `plume_${String(index + 1).padStart(5, '0')}_.png`,
    subfolder: '',
    type: 'output',
  }));
  sendJson(res, 200, {
    [id]: {
      prompt: [],
      outputs: { [saveId]: { images } },
      status: { status_str: 'success', completed: true, messages: [['execution_success', { prompt_id: id }]] },
    },
  });
}

function batchOf(graph: Record<string, Node>): number {
  for (const node of Object.values(graph)) {
    const amount = node.inputs?.['batch_size'] ?? node.inputs?.['amount'];
    if (typeof amount === 'number') return amount;
  }
  return 1;
}

function view(request: MediaFakeRequest, res: ServerResponse): void {
  const name = request.query.get('filename') ?? '';
  if (!/^plume_\d{5}_\.png$/.test(name) || request.query.get('type') !== 'output') {
    return sendJson(res, 404, { error: 'not found' });
  }
  res.writeHead(200, { 'content-type': 'image/png' });
  res.end(fakePng(32, 32, Number(name.slice(6, 11))));
}

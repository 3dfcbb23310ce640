/**
 * Turns Ollama's pull stream (one line per layer update, `total` being that layer's size) into
 * events with one overall percentage for a progress bar.
 */

/** One step of a pull, as the Models page shows it. */
export interface PullProgress {
  /** Ollama's words: `pulling manifest`, `pulling 6a0746a1ec1a`, `verifying sha256 digest`, `success`... */
  status: string;
  digest?: string;
  /** Bytes of this layer downloaded so far. */
  completed?: number;
  /** Bytes of this layer. */
  total?: number;
  /** Whole pull, 0–100, never going backwards; 100 on `success`. */
  percent?: number;
}

/** Keeps each layer's bytes so the percentage covers all layers seen so far. */
export function createPullProgressTracker(): (line: {
  status: string;
  digest?: string;
  completed?: number;
  total?: number;
}) => PullProgress {
  const layers = new Map<string, { completed: number; total: number }>();
  let percent = 0;
  return (line) => {
    if (line.status === 'success') {
      percent = 100;
      return { status: line.status, percent };
    }
    if (line.digest === undefined || line.digest === '' || !(typeof line.total === 'number' && line.total > 0)) {
      return { status: line.status, ...(layers.size > 0 ? { percent } : {}) };
    }
    const completed = line.completed ?? 0;
    layers.set(line.digest, { completed, total: line.total });
    let done = 0;
    let total = 0;
    for (const layer of layers.values()) {
      done += layer.completed;
      total += layer.total;
    }
    // Layers arrive one after another, so a new layer's total can lower the ratio: keep the bar still instead.
    percent = Math.max(percent, Math.floor((done / total) * 100));
    return { status: line.status, digest: line.digest, completed, total: line.total, percent };
  };
}

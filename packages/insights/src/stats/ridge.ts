/** A fitted linear model: y ≈ intercept + Σ weight · (x − centre) / scale. */
export type RidgeModel = { intercept: number; weights: number[]; centres: number[]; scales: number[] };

/** Solves A·x = b (A square) by Gaussian elimination with partial pivoting. */
function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i] ?? 0]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < n; row += 1)
      if (Math.abs(m[row]?.[col] ?? 0) > Math.abs(m[pivot]?.[col] ?? 0)) pivot = row;
    [m[col], m[pivot]] = [m[pivot] ?? [], m[col] ?? []];
    const top = m[col] ?? [];
    const lead = top[col] ?? 0;
    if (Math.abs(lead) < 1e-12) continue;
    for (let row = 0; row < n; row += 1) {
      if (row === col) continue;
      const line = m[row] ?? [];
      const factor = (line[col] ?? 0) / lead;
      if (factor === 0) continue;
      for (let k = col; k <= n; k += 1) line[k] = (line[k] ?? 0) - factor * (top[k] ?? 0);
    }
  }
  return m.map((row, i) => {
    const lead = row[i] ?? 0;
    return Math.abs(lead) < 1e-12 ? 0 : (row[n] ?? 0) / lead;
  });
}

/**
 * Ridge regression on standardised features (the penalty `lambda` is per feature, in units of
 * standard deviations; the intercept is not penalised). Constant columns get weight 0.
 */
export function fitRidge(rows: readonly number[][], targets: readonly number[], lambda: number): RidgeModel {
  const n = rows.length;
  const width = rows[0]?.length ?? 0;
  const centres = Array.from({ length: width }, (_, j) => rows.reduce((sum, row) => sum + (row[j] ?? 0), 0) / n);
  const scales = centres.map((centre, j) => {
    const spread = Math.sqrt(rows.reduce((sum, row) => sum + ((row[j] ?? 0) - centre) ** 2, 0) / Math.max(1, n));
    return spread > 1e-9 ? spread : 0;
  });
  const z = rows.map((row) =>
    row.map((value, j) => ((scales[j] ?? 0) === 0 ? 0 : (value - (centres[j] ?? 0)) / (scales[j] ?? 1))),
  );
  const intercept = targets.reduce((a, b) => a + b, 0) / Math.max(1, n);
  const gram = Array.from({ length: width }, (_, i) =>
    Array.from(
      { length: width },
      (_, j) => z.reduce((sum, row) => sum + (row[i] ?? 0) * (row[j] ?? 0), 0) + (i === j ? lambda : 0),
    ),
  );
  const moment = Array.from({ length: width }, (_, j) =>
    z.reduce((sum, row, r) => sum + (row[j] ?? 0) * ((targets[r] ?? 0) - intercept), 0),
  );
  return { intercept, weights: solve(gram, moment), centres, scales };
}

export function predictRidge(model: RidgeModel, row: readonly number[]): number {
  let value = model.intercept;
  for (let j = 0; j < model.weights.length; j += 1) {
    const scale = model.scales[j] ?? 0;
    if (scale !== 0) value += (model.weights[j] ?? 0) * (((row[j] ?? 0) - (model.centres[j] ?? 0)) / scale);
  }
  return value;
}

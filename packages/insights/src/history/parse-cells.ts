/** A count cell: a whole number ≥ 0 (thousands separators refused: they are ambiguous). */
export function parseCount(value: string | undefined, column: string): number | string {
  const cell = (value ?? '').trim();
  if (!/^\d+$/.test(cell)) return `${column} must be a whole number ≥ 0, got "${cell}"`;
  return Number(cell);
}

/** A yes/no cell: true/false, yes/no, 1/0 (any case); empty means "not said". */
export function parseFlag(value: string | undefined, column: string): boolean | undefined | string {
  const cell = (value ?? '').trim().toLowerCase();
  if (cell === '') return undefined;
  if (['true', 'yes', '1'].includes(cell)) return true;
  if (['false', 'no', '0'].includes(cell)) return false;
  return `${column} must be true or false, got "${value}"`;
}

/** Classes for text inputs and selects; the error variant draws a danger border. */
export function fieldClasses(hasError: boolean): string {
  const border = hasError ? 'border-danger' : 'border-line-strong';
  return (
    `block w-full rounded-md border ${border} bg-surface px-3 py-2 text-sm text-ink ` +
    'placeholder:text-muted disabled:opacity-60'
  );
}

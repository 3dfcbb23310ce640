import { AppError } from '@plume/errors/app-error';

/**
 * Domain code names fields relative to its input (`targets.0.text`); the API names them where they
 * arrived (`body/targets/0/text`), like request validation does. Runs `work` and rewrites the paths.
 */
export async function withFieldPrefix<T>(prefix: 'body' | 'query' | 'params', work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) || error.errors === undefined) throw error;
    const errors = error.errors.map((item) => ({ ...item, path: `${prefix}/${item.path.replaceAll('.', '/')}` }));
    const listed = (items: readonly { path: string; message: string }[]) =>
      items.map((item) => `${item.path}: ${item.message}`).join('; ');
    // A detail that only lists the fields is listed again with the new paths; a sentence of its own is kept.
    const detail = error.detail === undefined || error.detail === listed(error.errors) ? listed(errors) : error.detail;
    throw new AppError(error.code, {
      detail,
      errors,
      ...(error.headers === undefined ? {} : { headers: error.headers }),
      cause: error,
    });
  }
}

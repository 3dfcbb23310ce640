import { AppError } from '@plume/errors/app-error';

/**
 * Domain code names fields relative to its input (`targets.0.text`); the API names them where they
 * arrived (`body/targets/0/text`), like request validation does. Runs `work` and rewrites the paths.
 */
export async function withFieldPrefix<T>(prefix: 'body' | 'query', work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof AppError) || error.errors === undefined) throw error;
    const errors = error.errors.map((item) => ({ ...item, path: `${prefix}/${item.path.replaceAll('.', '/')}` }));
    throw new AppError(error.code, {
      detail: errors.map((item) => `${item.path}: ${item.message}`).join('; '),
      errors,
      ...(error.headers === undefined ? {} : { headers: error.headers }),
      cause: error,
    });
  }
}

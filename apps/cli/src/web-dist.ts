import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build:web` puts the web app. */
export const webDistDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/dist');

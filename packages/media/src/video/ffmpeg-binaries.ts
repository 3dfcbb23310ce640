/**
 * Where ffmpeg and ffprobe are: the static builds npm installs (`@ffmpeg-installer/ffmpeg`,
 * `@ffprobe-installer/ffprobe`, so `npm ci` is enough). npm may skip their postinstall `chmod u+x`
 * (install-scripts policy), so the first use makes them executable; when that is not possible it says so.
 */
import { constants } from 'node:fs';
import { access, chmod, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';

export type VideoTool = 'ffmpeg' | 'ffprobe';

/** Raised when a tool cannot run at all (missing, not executable): plain words for the person and the log. */
export class VideoToolUnavailable extends Error {
  readonly tool: VideoTool;
  constructor(tool: VideoTool, reason: string) {
    super(`${tool} cannot run on this server: ${reason}`);
    this.name = 'VideoToolUnavailable';
    this.tool = tool;
  }
}

const require = createRequire(import.meta.url);
const PACKAGES: Record<VideoTool, string> = {
  ffmpeg: '@ffmpeg-installer/ffmpeg',
  ffprobe: '@ffprobe-installer/ffprobe',
};
const ready = new Map<VideoTool, Promise<string>>();

function installedPath(tool: VideoTool): string {
  try {
    const installer = require(PACKAGES[tool]) as { path: string };
    return installer.path;
  } catch (error) {
    throw new VideoToolUnavailable(
      tool,
      `the ${PACKAGES[tool]} package has no binary for ${process.platform}-${process.arch} (${String(error)})`,
    );
  }
}

async function makeExecutable(tool: VideoTool): Promise<string> {
  const file = installedPath(tool);
  try {
    await access(file, constants.X_OK);
    return file;
  } catch {
    // Not executable yet: the postinstall step did not run.
  }
  try {
    const { mode } = await stat(file);
    await chmod(file, mode | 0o111);
    await access(file, constants.X_OK);
    return file;
  } catch (error) {
    throw new VideoToolUnavailable(tool, `${file} is not executable and could not be made so (${String(error)})`);
  }
}

/** The path of an executable ffmpeg or ffprobe, checked once per process. */
export function toolPath(tool: VideoTool): Promise<string> {
  let found = ready.get(tool);
  if (found === undefined) {
    found = makeExecutable(tool);
    // A failure is not remembered: an administrator may fix the file while Plume runs.
    found.catch(() => ready.delete(tool));
    ready.set(tool, found);
  }
  return found;
}

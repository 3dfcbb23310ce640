const storageKey = 'plume.lastWorkspaceId';

/** The workspace the person used last on this device, if any. */
export function readLastWorkspaceId(): string | null {
  try {
    return window.localStorage.getItem(storageKey);
  } catch {
    return null;
  }
}

/** Remembers the workspace the person is in, so `/` can bring them back to it. */
export function rememberWorkspaceId(workspaceId: string): void {
  try {
    window.localStorage.setItem(storageKey, workspaceId);
  } catch {
    // Storage disabled: `/` falls back to the first workspace.
  }
}

/** Forgets the remembered workspace (after it was deleted or left). */
export function forgetWorkspaceId(workspaceId: string): void {
  if (readLastWorkspaceId() === workspaceId) {
    try {
      window.localStorage.removeItem(storageKey);
    } catch {
      // Nothing to forget.
    }
  }
}

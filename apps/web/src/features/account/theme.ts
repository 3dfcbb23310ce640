import type { Theme } from '@plume/contract/me/me-schemas';

const storageKey = 'plume.theme';

function isTheme(value: unknown): value is Theme {
  return value === 'system' || value === 'light' || value === 'dark';
}

/** The theme saved on this device, so the first paint already has the right colours. */
export function storedTheme(): Theme {
  try {
    const value = window.localStorage.getItem(storageKey);
    return isTheme(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Applies a theme to <html data-theme> and remembers it on this device. */
export function applyTheme(theme: Theme): void {
  const prefersDark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  const isDark = theme === 'dark' || (theme === 'system' && prefersDark);
  document.documentElement.dataset.theme = isDark ? 'dark' : 'light';
  try {
    window.localStorage.setItem(storageKey, theme);
  } catch {
    // Private mode or storage disabled: the theme still applies for this visit.
  }
}

import {
  WORKSPACE_KINDS,
  WORKSPACE_ROLES,
  type WorkspaceKind,
  type WorkspaceRole,
} from '@plume/contract/workspaces/workspace-enums';

const checked = new Map<string, boolean>();

/** Memoised: a workspace row is read on every workspace request. Distinct values are few. */
function remember(key: string, check: () => void): boolean {
  let valid = checked.get(key);
  if (valid === undefined) {
    try {
      check();
      valid = true;
    } catch {
      valid = false;
    }
    if (checked.size < 1000) checked.set(key, valid);
  }
  return valid;
}

const isUsableTimeZone = (zone: string) =>
  remember(`zone:${zone}`, () => new Intl.DateTimeFormat('en', { timeZone: zone }));
const isUsableLocale = (locale: string) => remember(`locale:${locale}`, () => Intl.getCanonicalLocales(locale));

/**
 * A workspace row as Plume can present and compute with it. Plume's routes validate what they write,
 * but a row may have been written another way (an older better-auth endpoint, SQL by hand): an unknown
 * kind reads as `brand`, a time zone or locale Intl cannot use as `UTC` / `en`, an unknown member role
 * as `viewer` (the least it could be), instead of failing every request that reads the workspace.
 */
export function readableWorkspace<
  Row extends { kind: WorkspaceKind; timezone: string; locale: string; role?: WorkspaceRole },
>(row: Row): Row {
  // The column types say what Plume writes; this checks what is actually there.
  const kind = (WORKSPACE_KINDS as readonly string[]).includes(row.kind) ? row.kind : 'brand';
  const timezone = isUsableTimeZone(row.timezone) ? row.timezone : 'UTC';
  const locale = isUsableLocale(row.locale) ? row.locale : 'en';
  const role =
    row.role === undefined || (WORKSPACE_ROLES as readonly string[]).includes(row.role) ? row.role : 'viewer';
  return { ...row, kind, timezone, locale, ...(role === undefined ? {} : { role }) };
}

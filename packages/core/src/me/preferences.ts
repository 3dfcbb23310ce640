import { eq } from 'drizzle-orm';
import { storedPreferencesSchema, type Preferences } from '@plume/contract/me/me-schemas';
import type { Database } from '@plume/db/client';
import { userPreferences } from '@plume/db/schema/platform';

export async function readPreferences(db: Database, userId: string): Promise<Preferences> {
  const [row] = await db
    .select({ data: userPreferences.data })
    .from(userPreferences)
    .where(eq(userPreferences.userId, userId));
  // Stored data may predate a newer field: parsing fills defaults and drops what we no longer know.
  const parsed = storedPreferencesSchema.safeParse(row?.data ?? {});
  return parsed.success ? parsed.data : storedPreferencesSchema.parse({});
}

export async function updatePreferences(
  db: Database,
  userId: string,
  changes: Partial<Preferences>,
): Promise<Preferences> {
  const next = storedPreferencesSchema.parse({ ...(await readPreferences(db, userId)), ...changes });
  await db
    .insert(userPreferences)
    .values({ userId, data: next })
    .onConflictDoUpdate({ target: userPreferences.userId, set: { data: next, updatedAt: new Date() } });
  return next;
}

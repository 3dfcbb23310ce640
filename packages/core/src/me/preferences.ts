import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Database } from '@plume/db/client';
import { userPreferences } from '@plume/db/schema/platform';

export const preferencesSchema = z.object({
  theme: z.enum(['system', 'light', 'dark']).default('system'),
  emailNotifications: z.boolean().default(true),
  weekStartsOn: z.union([z.literal(0), z.literal(1)]).default(1),
  locale: z.string().min(2).max(35).default('en'),
});

export type Preferences = z.infer<typeof preferencesSchema>;

export async function readPreferences(db: Database, userId: string): Promise<Preferences> {
  const [row] = await db.select({ data: userPreferences.data }).from(userPreferences).where(eq(userPreferences.userId, userId));
  // Stored data may predate a newer field: parsing fills defaults and drops what we no longer know.
  const parsed = preferencesSchema.safeParse(row?.data ?? {});
  return parsed.success ? parsed.data : preferencesSchema.parse({});
}

export async function updatePreferences(db: Database, userId: string, changes: Partial<Preferences>): Promise<Preferences> {
  const next = preferencesSchema.parse({ ...(await readPreferences(db, userId)), ...changes });
  await db
    .insert(userPreferences)
    .values({ userId, data: next })
    .onConflictDoUpdate({ target: userPreferences.userId, set: { data: next, updatedAt: new Date() } });
  return next;
}

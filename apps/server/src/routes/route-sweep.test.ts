import { afterAll } from 'vitest';
import { registerRouteSweep } from '../test-support/route-sweep.ts';
import { createSweepFixture } from '../test-support/sweep-fixture.ts';
import { createTestApp } from '../test-support/test-app.ts';

// The route list comes from the running app's OpenAPI document, so the app exists before collection ends.
const t = await createTestApp();
afterAll(async () => t.close());

const fixture = await createSweepFixture(t.app, t.db);
await registerRouteSweep(t.app, fixture);

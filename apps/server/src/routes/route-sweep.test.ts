import { afterAll } from 'vitest';
import { startOllamaFake } from '@plume/testing/fakes/llm/ollama-fake';
import { registerRouteSweep } from '../test-support/route-sweep.ts';
import { createSweepFixture } from '../test-support/sweep-fixture.ts';
import { createTestApp } from '../test-support/test-app.ts';

// The route list comes from the running app's OpenAPI document, so the app exists before collection ends.
// Model routes answer through a fake Ollama, so their control requests succeed without a real one.
const ollama = await startOllamaFake({ recordRequests: false });
const t = await createTestApp({ OLLAMA_URL: ollama.url });
afterAll(async () => {
  await t.close();
  await ollama.close();
});

const fixture = await createSweepFixture(t.app, t.db);
await registerRouteSweep(t.app, fixture);

import type { FastifyInstance } from 'fastify';

const docsPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Plume API</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:960px;margin:2rem auto;padding:0 1rem;color:#1f2937}
h1{font-size:1.6rem}h2{font-size:1.1rem;margin-top:2rem;border-bottom:1px solid #e5e7eb}code{background:#f3f4f6;padding:0 .25rem;border-radius:4px}
.op{margin:.4rem 0}.m{display:inline-block;width:4.5rem;font-weight:600}</style></head>
<body><h1>Plume API v1</h1><p>Machine-readable contract: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a> (OpenAPI 3.1).
Errors are <code>application/problem+json</code> with a stable <code>code</code>.</p><main id="ops">Loading…</main>
<script>
fetch('/api/v1/openapi.json').then(r=>r.json()).then(doc=>{const groups={};
for(const [p,ops] of Object.entries(doc.paths)){for(const [m,op] of Object.entries(ops)){const t=(op.tags||['other'])[0];(groups[t]??=[]).push([m.toUpperCase(),p,op.summary||'']);}}
const el=document.getElementById('ops');el.textContent='';
for(const [t,list] of Object.entries(groups)){const h=document.createElement('h2');h.textContent=t;el.append(h);
for(const [m,p,s] of list){const d=document.createElement('div');d.className='op';d.innerHTML='<span class="m"></span><code></code> <span></span>';
d.children[0].textContent=m;d.children[1].textContent=p;d.children[2].textContent=s;el.append(d);}}});
</script></body></html>`;

/** `/api/v1/openapi.json` (generated from the routes' zod schemas) and a small page that lists it. */
export function registerApiDocs(app: FastifyInstance): void {
  app.get('/api/v1/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/api/v1/docs', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html').send(docsPage));
}

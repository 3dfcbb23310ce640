fetch('/api/v1/openapi.json')
  .then((r) => r.json())
  .then((doc) => {
    const groups = {};
    for (const [p, ops] of Object.entries(doc.paths)) {
      for (const [m, op] of Object.entries(ops)) {
        const t = (op.tags || ['other'])[0];
        (groups[t] ??= []).push([m.toUpperCase(), p, op.summary || '']);
      }
    }
    const el = document.getElementById('ops');
    el.textContent = '';
    for (const [t, list] of Object.entries(groups)) {
      const h = document.createElement('h2');
      h.textContent = t;
      el.append(h);
      for (const [m, p, s] of list) {
        const d = document.createElement('div');
        d.className = 'op';
        d.innerHTML = '<span class="m"></span><code></code> <span></span>';
        d.children[0].textContent = m;
        d.children[1].textContent = p;
        d.children[2].textContent = s;
        el.append(d);
      }
    }
  });

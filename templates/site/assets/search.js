// Client-side search over search-index.json. Progressive enhancement: pages read fine without it.
// Builds results with DOM methods only (no innerHTML), so indexed text can never become markup.
(() => {
  const tokenize = (s) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).filter((t) => t.length > 1);
  let docs;
  const load = async (root) => {
    if (!docs) {
      const res = await fetch(`${root}search-index.json`);
      docs = res.ok ? await res.json() : [];
    }
    return docs;
  };
  const score = (doc, terms) => {
    const title = doc.t.toLowerCase();
    const body = `${doc.s} ${doc.src}`.toLowerCase();
    let total = 0;
    for (const term of terms) {
      if (title.includes(term)) total += 3;
      else if (body.includes(term)) total += 1;
      else return 0;
    }
    return total;
  };
  const run = async (form, query) => {
    const out = form.querySelector('#search-results');
    const root = form.dataset.root || '';
    const terms = tokenize(query);
    out.textContent = '';
    if (terms.length === 0) return;
    const all = await load(root);
    const hits = all
      .map((d) => [score(d, terms), d])
      .filter(([s]) => s > 0)
      .sort((a, b) => b[0] - a[0] || b[1].e.localeCompare(a[1].e))
      .slice(0, 20);
    const heading = document.createElement('p');
    heading.textContent = `${hits.length} result${hits.length === 1 ? '' : 's'} for “${query}”`;
    out.append(heading);
    const list = document.createElement('ul');
    for (const [, d] of hits) {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = `${root}editions/${encodeURIComponent(d.e)}/index.html#story-${encodeURIComponent(d.id)}`;
      a.textContent = d.t;
      const when = document.createElement('span');
      when.className = 'when';
      when.textContent = ` ${d.e}`;
      li.append(a, when);
      list.append(li);
    }
    out.append(list);
  };
  document.addEventListener('DOMContentLoaded', () => {
    const form = document.querySelector('form.search');
    if (!form) return;
    const input = form.querySelector('input[name=q]');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      run(form, input.value).catch(() => {});
    });
    const initial = new URLSearchParams(location.search).get('q');
    if (initial) {
      input.value = initial;
      run(form, initial).catch(() => {});
    }
  });
})();

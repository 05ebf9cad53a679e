// Search over every edition, on a static host. Progressive enhancement: without JavaScript the
// pages read the same and the form simply reloads the home page.
// search-index.json is a compact list of story documents; they are indexed here on first use with
// MiniSearch (assets/minisearch.js, published beside this file and loaded only when someone
// searches). Should that file be missing, a plain every-term match still answers.
// Results are built with DOM methods only (no innerHTML), so indexed text never becomes markup.
(() => {
  const tokenize = (s) => (s.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).filter((t) => t.length > 1);
  let engine;

  const loadScript = (src) =>
    new Promise((resolve) => {
      const script = document.createElement('script');
      script.src = src;
      script.addEventListener('load', () => resolve(true));
      script.addEventListener('error', () => resolve(false));
      document.head.append(script);
    });

  const plainEngine = (docs) => (query) => {
    const terms = tokenize(query);
    return docs
      .map((d) => {
        const title = d.t.toLowerCase();
        const body = `${d.s} ${d.src}`.toLowerCase();
        let score = 0;
        for (const term of terms) {
          if (title.includes(term)) score += 3;
          else if (body.includes(term)) score += 1;
          else return [0, d];
        }
        return [score, d];
      })
      .filter(([score]) => score > 0)
      .sort((a, b) => b[0] - a[0] || b[1].e.localeCompare(a[1].e))
      .map(([, d]) => d);
  };

  const miniSearchEngine = (docs) => {
    const index = new window.MiniSearch({
      idField: 'k',
      fields: ['t', 's', 'src'],
      searchOptions: { boost: { t: 3 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
    });
    index.addAll(docs.map((d, k) => ({ k, t: d.t, s: d.s, src: d.src })));
    return (query) =>
      index
        .search(query)
        .map((hit) => docs[hit.id])
        .filter(Boolean);
  };

  // One index per page view, however many searches start while it loads.
  const load = (root) => {
    if (!engine) {
      engine = Promise.all([
        fetch(`${root}search-index.json`).then((res) => (res.ok ? res.json() : [])),
        window.MiniSearch ? Promise.resolve(true) : loadScript(`${root}assets/minisearch.js`),
      ])
        .then(([docs]) => (window.MiniSearch ? miniSearchEngine(docs) : plainEngine(docs)))
        .catch((error) => {
          engine = undefined;
          throw error;
        });
    }
    return engine;
  };

  let latest = 0;
  const run = async (form, query) => {
    const ticket = ++latest;
    const out = form.querySelector('#search-results');
    const root = form.dataset.root || '';
    if (tokenize(query).length === 0) {
      out.textContent = '';
      return;
    }
    const search = await load(root);
    // A newer search owns the results area.
    if (ticket !== latest) return;
    out.textContent = '';
    const hits = search(query).slice(0, 20);
    const heading = document.createElement('p');
    heading.textContent = `${hits.length} result${hits.length === 1 ? '' : 's'} for “${query}”`;
    out.append(heading);
    const list = document.createElement('ul');
    for (const d of hits) {
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

  const start = () => {
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
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

// Search over every edition, on a static host. Progressive enhancement: without JavaScript the
// pages read the same and the form simply reloads the home page.
// search-index.json holds one document per story (title, whole summary, the reports' headlines in
// their own languages, sources); it is indexed here on first use with MiniSearch
// (assets/minisearch.js, published beside this file and loaded only when someone searches). Should
// that file be missing, a plain every-term match still answers.
// Words are letters and digits of any script; Chinese and Japanese, written without spaces, are
// indexed as overlapping pairs of characters, so "中俄" is found inside "中俄关系".
// Results are built with DOM methods only (no innerHTML), so indexed text never becomes markup.
(() => {
  const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
  const RUN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]+|[\p{L}\p{N}]+/gu;

  const tokenize = (text) => {
    const terms = [];
    for (const run of text.toLowerCase().match(RUN) || []) {
      if (!CJK.test(run)) {
        if (run.length > 1 || /\p{N}/u.test(run)) terms.push(run);
        continue;
      }
      const chars = [...run];
      if (chars.length === 1) terms.push(run);
      for (let i = 0; i + 1 < chars.length; i++) terms.push(chars[i] + chars[i + 1]);
    }
    return terms;
  };
  const FIELDS = ['t', 's', 'h', 'src'];
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
        const body = `${d.s} ${d.h || ''} ${d.src}`.toLowerCase();
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
      fields: FIELDS,
      tokenize,
      processTerm: (term) => term,
      searchOptions: {
        boost: { t: 3, h: 1.5 },
        // Pairs of characters are exact: a fuzzy pair would match unrelated words.
        prefix: true,
        fuzzy: (term) => (CJK.test(term) || term.length < 5 ? false : 0.15),
        combineWith: 'AND',
      },
    });
    index.addAll(docs.map((d, k) => ({ k, t: d.t, s: d.s, h: d.h || '', src: d.src })));
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
        fetch(`${root}search-index.json`).then((res) => {
          if (!res.ok) throw new Error(`search-index.json: HTTP ${res.status}`);
          return res.json();
        }),
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

  /** A short passage of the document around the first query word it contains, the word marked. */
  const snippet = (doc, query) => {
    // The whole query as typed first ("能源合作", "Power of Siberia"), then its words one by one.
    const whole = query.trim().toLowerCase();
    const words = [...(whole.length > 1 ? [whole] : []), ...tokenize(query)];
    for (const field of ['s', 'h', 't', 'src']) {
      const text = doc[field] || '';
      const lower = text.toLowerCase();
      for (const word of words) {
        const at = lower.indexOf(word);
        if (at === -1) continue;
        // Extend a CJK pair or a word prefix to the whole word as written.
        let end = at + word.length;
        while (end < text.length && /[\p{L}\p{N}]/u.test(text[end]) && !CJK.test(text[end])) end++;
        const start = Math.max(0, text.lastIndexOf(' ', Math.max(0, at - 80)) + 1);
        const stop = Math.min(text.length, end + 120);
        const cut = text.indexOf(' ', stop);
        const last = cut === -1 || cut - stop > 20 ? stop : cut;
        return {
          before: `${start > 0 ? '…' : ''}${text.slice(start, at)}`,
          match: text.slice(at, end),
          after: `${text.slice(end, last)}${last < text.length ? '…' : ''}`,
        };
      }
    }
    return undefined;
  };

  const say = (out, text) => {
    out.textContent = '';
    const p = document.createElement('p');
    p.textContent = text;
    out.append(p);
  };

  let latest = 0;
  const run = async (form, query, reveal) => {
    const ticket = ++latest;
    const out = form.querySelector('#search-results');
    const root = form.dataset.root || '';
    if (tokenize(query).length === 0) {
      out.textContent = '';
      return;
    }
    if (location.protocol === 'file:') {
      // Browsers refuse to read search-index.json from a page opened as a file.
      say(
        out,
        'Search needs the archive served over HTTP: run `briefing serve` and open http://127.0.0.1:8080/.',
      );
      if (reveal) out.scrollIntoView();
      return;
    }
    let search;
    try {
      search = await load(root);
    } catch {
      if (ticket === latest)
        say(out, 'Search is not available right now: the search index could not be loaded.');
      return;
    }
    // A newer search owns the results area.
    if (ticket !== latest) return;
    out.textContent = '';
    const hits = search(query).slice(0, 20);
    const heading = document.createElement('p');
    heading.className = 'results-heading';
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
      const passage = snippet(d, query);
      if (passage) {
        const text = document.createElement('span');
        text.className = 'snippet';
        const mark = document.createElement('mark');
        mark.textContent = passage.match;
        text.append(passage.before, mark, passage.after);
        li.append(text);
      }
      list.append(li);
    }
    out.append(list);
    if (reveal) {
      // A shared ?q= link lands on its results, not on the top of the page.
      out.tabIndex = -1;
      out.scrollIntoView();
      out.focus({ preventScroll: true });
    }
  };

  const start = () => {
    const form = document.querySelector('form.search');
    if (!form) return;
    const input = form.querySelector('input[name=q]');
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      run(form, input.value, false).catch(() => {});
    });
    const initial = new URLSearchParams(location.search).get('q');
    if (initial) {
      input.value = initial;
      run(form, initial, true).catch(() => {});
    }
  };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})();

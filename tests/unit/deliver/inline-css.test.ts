import { describe, expect, it } from 'vitest';
import { createEtaTemplates } from '#adapters/eta-templates.ts';
import { inlineStylesheet, parseEmailStylesheet, StylesheetError } from '#deliver/inline-css.ts';

const doc = (body: string) => `<!doctype html><html><head><title>t</title></head><body>${body}</body></html>`;
const bodyOf = (html: string) => html.slice(html.indexOf('<body>') + 6, html.indexOf('</body>'));
const inline = (css: string, body: string) => bodyOf(inlineStylesheet(doc(body), parseEmailStylesheet(css)));

describe('inlineStylesheet', () => {
  it.each([
    [
      'a class beats a type selector, wherever it stands',
      '.x { color: red; } p { color: blue; }',
      '<p class="x">a</p>',
      '<p class="x" style="color: red;">a</p>',
    ],
    [
      'the later of two equal rules wins',
      'p { color: red; } p { color: blue; }',
      '<p>a</p>',
      '<p style="color: blue;">a</p>',
    ],
    [
      'a descendant selector outweighs its last part alone',
      '.src a { color: gray; } a { color: blue; }',
      '<p class="src"><a>x</a></p><a>y</a>',
      '<p class="src"><a style="color: gray;">x</a></p><a style="color: blue;">y</a>',
    ],
    [
      'a child combinator matches children only',
      '.c > b { color: red; }',
      '<p class="c"><b>x</b><i><b>y</b></i></p>',
      '<p class="c"><b style="color: red;">x</b><i><b>y</b></i></p>',
    ],
    [
      '!important beats specificity',
      'p { color: red !important; } .x { color: blue; }',
      '<p class="x">a</p>',
      '<p class="x" style="color: red;">a</p>',
    ],
    [
      "the element's own style beats every plain rule",
      '.x { color: red; margin: 0; }',
      '<p class="x" style="color: blue">a</p>',
      '<p class="x" style="margin: 0; color: blue;">a</p>',
    ],
    [
      'properties come lowest priority first',
      'p { margin: 0; } .x { padding: 1px; }',
      '<p class="x">a</p>',
      '<p class="x" style="margin: 0; padding: 1px;">a</p>',
    ],
    [
      'double quotes in values become single quotes inside the attribute',
      'p { font-family: Georgia, "Times New Roman", serif; }',
      '<p>a</p>',
      '<p style="font-family: Georgia, \'Times New Roman\', serif;">a</p>',
    ],
    [
      'a comma list applies to each selector',
      'h1, h2 { margin: 0; }',
      '<h1>a</h1><h2>b</h2>',
      '<h1 style="margin: 0;">a</h1><h2 style="margin: 0;">b</h2>',
    ],
    [
      'pixel and percentage widths on tables become width attributes',
      '.t { width: 100%; } td { width: 40px; }',
      '<table class="t"><tr><td>a</td></tr></table>',
      '<table class="t" style="width: 100%;" width="100%"><tr><td style="width: 40px;" width="40">a</td></tr></table>',
    ],
    [
      'colours and alignment on table cells also become attributes',
      'td { background-color: #fff; text-align: center; }',
      '<table><tr><td>a</td></tr></table>',
      '<table><tr><td style="background-color: #fff; text-align: center;" bgcolor="#fff" align="center">a</td></tr></table>',
    ],
    [
      'entities in text are kept as written',
      'p { margin: 0; }',
      '<p>a &amp; b &lt;i&gt; &zwnj;&nbsp; “q”</p>',
      '<p style="margin: 0;">a &amp; b &lt;i&gt; &zwnj;&nbsp; “q”</p>',
    ],
  ])('%s', (_, css, body, expected) => {
    expect(inline(css, body)).toBe(expected);
  });

  it('keeps @media blocks, in order, in one <style> in <head>, and never inlines them', () => {
    const css =
      'p { margin: 0; }\n@media (max-width: 480px) { p { margin: 1px !important; } }\n@media (prefers-color-scheme: dark) { p, a { color: #eee !important; } }';
    const html = inlineStylesheet(doc('<p>a</p>'), parseEmailStylesheet(css));
    expect(html).toContain('<p style="margin: 0;">a</p>');
    expect(html).toContain(
      '<style>\n@media (max-width: 480px) {\n  p {\n    margin: 1px !important;\n  }\n}\n@media (prefers-color-scheme: dark) {\n  p,\na {\n    color: #eee !important;\n  }\n}\n</style></head>',
    );
  });

  it('leaves non-visual elements alone', () => {
    const html = inlineStylesheet(
      doc('<p>a</p>'),
      parseEmailStylesheet('* { margin: 0; } title { color: red; }'),
    );
    expect(html).toContain('<title>t</title>');
    expect(html).toContain('<body style="margin: 0;"><p style="margin: 0;">a</p></body>');
  });
});

describe('parseEmailStylesheet', () => {
  it('reads the email stylesheet the templates ship', () => {
    const css = createEtaTemplates().asset('email/styles.css')!.toString('utf8');
    const sheet = parseEmailStylesheet(css);
    expect(sheet.rules.length).toBeGreaterThan(20);
    expect(sheet.media.map((m) => m.query)).toEqual(['(max-width: 480px)', '(prefers-color-scheme: dark)']);
  });

  it.each([
    ['a:hover { color: red; }', 'selector not supported by the email inliner: a:hover'],
    ['a[href] { color: red; }', 'selector not supported by the email inliner: a[href]'],
    ['h1 + p { color: red; }', 'selector not supported by the email inliner: h1 + p'],
    ['@font-face { font-family: x; }', 'at-rule not supported: @font-face'],
    ['p { color red; }', 'bad declaration: color red'],
    ['p { color: red;', 'unclosed rule: p'],
  ])('refuses %j with a line that says why', (css, message) => {
    expect(() => parseEmailStylesheet(css)).toThrow(new StylesheetError(message));
  });
});

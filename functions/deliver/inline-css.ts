/**
 * A small CSS inliner for the digest email, on cheerio/slim (already used by extraction), in
 * place of juice, which brought its own full cheerio, undici and two copies of iconv-lite.
 *
 * Contract (the subset our stylesheet uses, checked when the sheet is parsed):
 * - plain rules are written into style="" attributes, cascaded as a browser would: higher
 *   specificity wins, then later source order; `!important` beats both; an element's own style=""
 *   beats every plain rule. Properties come out lowest priority first, as juice wrote them.
 * - selectors are type, `.class`, `#id` and `*`, joined by descendant or child combinators, in
 *   comma lists; anything else (pseudo-classes, attributes, siblings) is a StylesheetError, so a
 *   rule can never be silently dropped.
 * - `@media` blocks cannot be inlined: they are kept, in the sheet's order, in one <style>
 *   element in <head> (phones, dark mode in Apple Mail, Outlook for Mac, Thunderbird).
 * - CSS pixel or percentage widths on tables, cells and images also become width attributes,
 *   and background-color/text-align/vertical-align on table elements become bgcolor/align/valign,
 *   for Outlook for Windows, which reads attributes rather than CSS there.
 */

import { load } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';

export class StylesheetError extends Error {
  override name = 'StylesheetError';
}

interface Declaration {
  name: string;
  value: string;
  important: boolean;
}

interface Rule {
  selector: string;
  /** [ids, classes, types], as in CSS Selectors Level 3. */
  specificity: [number, number, number];
  declarations: Declaration[];
  /** Source position of the rule's first declaration: later rules of equal weight win. */
  order: number;
}

interface MediaBlock {
  query: string;
  rules: { selectors: string[]; declarations: Declaration[] }[];
}

export interface EmailStylesheet {
  rules: Rule[];
  media: MediaBlock[];
}

const NON_VISUAL = new Set(['head', 'title', 'base', 'link', 'style', 'meta', 'script', 'noscript']);
const WIDTH_ELEMENTS = new Set(['table', 'td', 'th', 'img']);
const TABLE_ELEMENTS = new Set([
  'table',
  'th',
  'tr',
  'td',
  'caption',
  'colgroup',
  'col',
  'thead',
  'tbody',
  'tfoot',
]);
const STYLE_TO_ATTRIBUTE: Record<string, string> = {
  'background-color': 'bgcolor',
  'text-align': 'align',
  'vertical-align': 'valign',
};
const PROPERTY_NAME = /^-?[a-z][a-z0-9-]*$/;
const COMPOUND = /^(\*|[a-z][a-z0-9-]*)?((?:[.#][A-Za-z_][\w-]*)*)$/;

/** Parses the email stylesheet once; throws StylesheetError naming what it cannot inline. */
export function parseEmailStylesheet(css: string): EmailStylesheet {
  const source = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const sheet: EmailStylesheet = { rules: [], media: [] };
  let order = 0;
  let at = 0;
  for (;;) {
    const open = source.indexOf('{', at);
    if (open === -1) {
      if (source.slice(at).trim())
        throw new StylesheetError(`unexpected text: ${source.slice(at).trim().slice(0, 40)}`);
      return sheet;
    }
    const prelude = source.slice(at, open).trim();
    if (prelude.startsWith('@media')) {
      const close = matchingBrace(source, open);
      sheet.media.push({
        query: prelude.slice('@media'.length).trim(),
        rules: parseBlock(source.slice(open + 1, close)),
      });
      at = close + 1;
      continue;
    }
    if (prelude.startsWith('@')) throw new StylesheetError(`at-rule not supported: ${prelude}`);
    const close = source.indexOf('}', open);
    if (close === -1) throw new StylesheetError(`unclosed rule: ${prelude}`);
    const declarations = parseDeclarations(source.slice(open + 1, close));
    for (const selector of splitSelectors(prelude)) {
      sheet.rules.push({ selector, specificity: specificityOf(selector), declarations, order });
    }
    order += declarations.length;
    at = close + 1;
  }
}

function matchingBrace(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '{') depth++;
    else if (source[i] === '}' && --depth === 0) return i;
  }
  throw new StylesheetError('unclosed @media block');
}

function parseBlock(body: string): MediaBlock['rules'] {
  const rules: MediaBlock['rules'] = [];
  for (const match of body.matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    rules.push({ selectors: splitSelectors(match[1]!), declarations: parseDeclarations(match[2]!) });
  }
  return rules;
}

function splitSelectors(prelude: string): string[] {
  return prelude
    .split(',')
    .map((s) => s.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
}

function parseDeclarations(body: string): Declaration[] {
  const out: Declaration[] = [];
  // Values here never contain ";" inside quotes or parentheses; a stray one would fail the name check.
  for (const part of body.split(';')) {
    const colon = part.indexOf(':');
    if (!part.trim()) continue;
    const name = part.slice(0, colon).trim().toLowerCase();
    if (colon === -1 || !PROPERTY_NAME.test(name))
      throw new StylesheetError(`bad declaration: ${part.trim()}`);
    const raw = part
      .slice(colon + 1)
      .trim()
      .replace(/\s+/g, ' ');
    const important = /!important$/.test(raw);
    out.push({ name, value: important ? raw.replace(/\s*!important$/, '') : raw, important });
  }
  return out;
}

function specificityOf(selector: string): [number, number, number] {
  const spec: [number, number, number] = [0, 0, 0];
  for (const compound of selector.split(/\s*>\s*|\s+/)) {
    const match = COMPOUND.exec(compound);
    if (!compound || !match || (!match[1] && !match[2]))
      throw new StylesheetError(`selector not supported by the email inliner: ${selector}`);
    if (match[1] && match[1] !== '*') spec[2]++;
    for (const part of match[2]!.match(/[.#][^.#]+/g) ?? []) spec[part.startsWith('#') ? 0 : 1]++;
  }
  return spec;
}

interface Applied {
  name: string;
  value: string;
  /** [important, inline, ids, classes, types, source order]: compared left to right. */
  weight: number[];
}

function outweighs(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
}

/** The element's own style="" as declarations that outrank every plain rule. */
function ownStyle(value: string): Applied[] {
  const out: Applied[] = [];
  for (const part of value.split(';')) {
    const colon = part.indexOf(':');
    const name = part.slice(0, colon).trim().toLowerCase();
    const raw = part.slice(colon + 1).trim();
    if (colon === -1 || !PROPERTY_NAME.test(name) || !raw) continue;
    const important = /!important$/.test(raw);
    out.push({
      name,
      value: raw.replace(/\s*!important$/, ''),
      weight: [important ? 1 : 0, 1, 0, 0, 0, out.length],
    });
  }
  return out;
}

/** Inlines `sheet` into `html` (a whole document) and returns the document. */
export function inlineStylesheet(html: string, sheet: EmailStylesheet): string {
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: false } });
  const styled = new Map<Element, Map<string, Applied>>();
  const propsOf = (el: Element) => {
    let props = styled.get(el);
    if (!props) {
      props = new Map();
      for (const p of ownStyle(el.attribs.style ?? '')) props.set(p.name, p);
      styled.set(el, props);
    }
    return props;
  };
  for (const rule of sheet.rules) {
    $(rule.selector).each((_, node: AnyNode) => {
      const el = node as Element;
      if (NON_VISUAL.has(el.name)) return;
      const props = propsOf(el);
      rule.declarations.forEach((d, i) => {
        const weight = [d.important ? 1 : 0, 0, ...rule.specificity, rule.order + i];
        const existing = props.get(d.name);
        if (existing && outweighs(existing.weight, weight)) return;
        // Re-inserted, so the attribute lists properties in the order they won.
        props.delete(d.name);
        props.set(d.name, { name: d.name, value: d.value, weight });
      });
    });
  }
  for (const [el, props] of styled) {
    const list = [...props.values()].sort((a, b) =>
      outweighs(a.weight, b.weight) ? 1 : outweighs(b.weight, a.weight) ? -1 : 0,
    );
    if (list.length > 0)
      $(el).attr('style', list.map((p) => `${p.name}: ${p.value.replace(/"/g, "'")};`).join(' '));
    const width = props.get('width')?.value;
    if (width && WIDTH_ELEMENTS.has(el.name)) {
      if (/(px|auto)/.test(width)) $(el).attr('width', width.replace('px', ''));
      else if (TABLE_ELEMENTS.has(el.name) && width.includes('%')) $(el).attr('width', width);
    }
    if (TABLE_ELEMENTS.has(el.name)) {
      for (const [property, attribute] of Object.entries(STYLE_TO_ATTRIBUTE)) {
        const value = props.get(property)?.value;
        if (value) $(el).attr(attribute, value);
      }
    }
  }
  if (sheet.media.length > 0)
    $('head')
      .first()
      .append(`<style>${mediaText(sheet.media)}</style>`);
  return $.html();
}

/** The @media blocks as text, laid out as juice (mensch) wrote them, so the golden files hold. */
function mediaText(media: MediaBlock[]): string {
  const blocks = media.map(
    (m) =>
      `@media ${m.query} {\n${m.rules
        .map(
          (r) =>
            `  ${r.selectors.join(',\n')} {\n${r.declarations
              .map((d) => `    ${d.name}: ${d.value}${d.important ? ' !important' : ''};`)
              .join('\n')}\n  }`,
        )
        .join('\n\n')}\n}`,
  );
  return `\n${blocks.join('\n')}\n`;
}

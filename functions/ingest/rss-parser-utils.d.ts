/** rss-parser's own helpers (lib/utils.js), which its item builders use; the package types none of them. */
declare module 'rss-parser/lib/utils.js' {
  const utils: {
    copyFromXML(xml: unknown, dest: Record<string, unknown>, fields: unknown[]): void;
    getContent(content: unknown): unknown;
    getLink(links: unknown, rel: string, fallbackIdx: number): string | undefined;
  };
  export default utils;
}

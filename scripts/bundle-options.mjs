/**
 * The esbuild options of every Lambda bundle, in esbuild's own terms: scripts/build.mjs (the
 * bundles the tests and the bench load) passes them to esbuild as they are, and
 * infra/constructs/briefing-function.ts maps them onto NodejsFunction's bundling props, so the
 * tested bundle is the deployed one.
 */
import { fileURLToPath } from 'node:url';

const path = (relative) => fileURLToPath(new URL(relative, import.meta.url));

/**
 * The AWS SDK clients the handlers use, left to the Lambda runtime's copy. Node loads that copy
 * (CommonJS) faster through require() than through import, which has every CommonJS file of the
 * SDK scanned for its export names first: about 65 ms of CPU less for the S3 client alone
 * (bench/bundle.ts measures the bundles). Each name is aliased to a one-line stub in stubs/aws-sdk/
 * that require()s it; a client not listed here still works, imported the slower way.
 */
const SDK_CLIENTS = [
  'client-bedrock-runtime',
  'client-s3',
  'client-secrets-manager',
  'client-ses',
  'client-sqs',
  'client-translate',
];

export const BUNDLE_OPTIONS = {
  format: 'esm',
  platform: 'node',
  // Runs on 24; node22 keeps the bundle loadable on the oldest supported runtime.
  target: 'node22',
  minify: true,
  sourcemap: true,
  // Stack traces need the map's positions, not the sources: without them the map is 0.9 MB, not
  // 3.2, and Node (--enable-source-maps, as deployed) reads it at load in a third of the time.
  sourcesContent: false,
  // Cyrillic and Han lexicon text as written, not as \u escapes: about 70 KB less to read at load.
  charset: 'utf8',
  mainFields: ['module', 'main'],
  external: ['@aws-sdk/*'],
  // rss-parser, some of its dependencies and the SDK stubs are CommonJS and call require().
  banner: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
  alias: {
    // rss-parser require()s entities, htmlparser2 imports it: one copy, the ES module build,
    // instead of both of its builds side by side.
    entities: path('../node_modules/entities/dist/esm'),
    // xml2js's XML writer, which rss-parser calls only for a text field made of child elements
    // (XHTML, unescaped markup) or of attributes alone: parse-feed reads those documents with
    // its lenient reader anyway, so the stub's throw just sends them there sooner.
    xmlbuilder: path('./stubs/xmlbuilder.cjs'),
    ...Object.fromEntries(SDK_CLIENTS.map((c) => [`@aws-sdk/${c}`, path(`./stubs/aws-sdk/${c}.cjs`)])),
  },
};

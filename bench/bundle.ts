/**
 * The Lambda bundles as a sceptic measures them: the four handlers built by scripts/build.mjs with
 * the deployed esbuild options, their sizes, and their module initialisation timed in fresh Node
 * processes, never in the bench's own warm one. Each round starts one process per subject in
 * alternating order: bare node (`node -e ""`), each bundle (`await import(bundle)`), and, as a
 * second baseline, the AWS SDK clients the digest bundle loads at initialisation, which it
 * leaves to the Lambda runtime; and, to attribute the digest's own time, two of its parts bundled alone with the same
 * options (the relevance classifier with its lexicons and model, and the configuration schema). Wall time is taken by this process around the child's whole life; CPU time (user +
 * system) is the child's own process.cpuUsage() when the import has finished. Figures are medians
 * over the rounds, and differences are median minus bare node's median. Children run with the
 * deployed NODE_OPTIONS (--enable-source-maps), so the source map is read as it is in Lambda.
 *
 * `npm run bench` runs it as its bundle section; `npm run bench:bundle` runs it alone.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { BUNDLE_OPTIONS } from '../scripts/bundle-options.mjs';

/** The targets of issue 11: the digest bundle at most 1 MiB, its initialisation at most 150 ms over bare node. */
const DIGEST_BYTES_TARGET = 1024 * 1024;
const DIGEST_INIT_TARGET_MS = 150;
const NODE_FLAGS = ['--enable-source-maps'];
/** Parts of the digest bundle timed alone, to say where its own time goes. */
const PARTS: Record<string, string> = {
  'relevance classifier': '#analyse/classify-relevance.ts',
  'config schema': '#config/schema.ts',
};

interface Timing {
  wallMs: number;
  cpuMs: number;
}

export interface BundleResult {
  bytes: Record<string, number>;
  rounds: number;
  nodeFlags: string[];
  /** Medians of bare node, each bundle and the SDK baseline. */
  medians: Record<string, Timing>;
  /** Median minus bare node's median. */
  overBareNode: Record<string, Timing>;
  /** The digest bundle's figure minus the SDK clients' it imports: the bundle's own code. */
  digestOwnCode: Timing;
  sdkModules: string[];
  targets: { digestBytes: number; digestBytesMet: boolean; digestInitMs: number; digestInitMet: boolean };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

const CHILD_ENV = () => ({ PATH: process.env.PATH ?? '', POWERTOOLS_METRICS_DISABLED: 'true' });

/** One fresh process running `code` as an ES module; CPU as the child reports it when done. */
function runFresh(code: string, cwd: string): Timing {
  const report = 'const u=process.cpuUsage();process.stdout.write(JSON.stringify(u.user+u.system));';
  const start = performance.now();
  const child = spawnSync(
    process.execPath,
    [...NODE_FLAGS, '--input-type=module', '-e', `${code}${report}`],
    {
      cwd,
      encoding: 'utf8',
      env: CHILD_ENV(),
    },
  );
  const wallMs = performance.now() - start;
  if (child.status !== 0) throw new Error(`fresh process failed: ${child.stderr.split('\n')[0]}`);
  return { wallMs, cpuMs: Number(child.stdout) / 1000 };
}

/**
 * The AWS SDK clients (left to the Lambda runtime) a bundle loads at initialisation, read from
 * Node's module cache in a fresh process once the import is done: the clients it loads on first
 * use are not among them.
 */
function sdkClientsLoadedBy(bundleUrl: string, cwd: string): string[] {
  const code =
    `await import(${JSON.stringify(bundleUrl)});const{default:M}=await import('node:module');` +
    `process.stdout.write(JSON.stringify(Object.keys(M._cache)));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], {
    cwd,
    encoding: 'utf8',
    env: CHILD_ENV(),
  });
  if (child.status !== 0) throw new Error(`fresh process failed: ${child.stderr.split('\n')[0]}`);
  const paths = JSON.parse(child.stdout) as string[];
  const names = paths.map((p) => /node_modules\/(@aws-sdk\/client-[a-z0-9-]+)\//.exec(p)?.[1]);
  return [...new Set(names.filter((n): n is string => n !== undefined))].sort();
}

export async function benchBundles(
  root: string,
  line: (s: string) => void,
  rounds = Number(process.env.BENCH_BUNDLE_ROUNDS ?? 7),
): Promise<BundleResult> {
  const { buildHandlers } = (await import(pathToFileURL(join(root, 'scripts/build.mjs')).href)) as {
    buildHandlers(out: string): Promise<Record<string, number>>;
  };
  // Inside the repository, so the SDK the bundles leave external resolves as the Lambda runtime's would.
  const out = join(root, '.bench/bundle');
  const bytes = await buildHandlers(out);
  const handlers = Object.keys(bytes);
  const bundlePath = (h: string) => join(out, h, 'index.mjs');
  const sdkModules = sdkClientsLoadedBy(pathToFileURL(bundlePath('digest')).href, root);
  const parts: [string, string][] = [];
  for (const [name, module] of Object.entries(PARTS)) {
    const outfile = join(out, 'parts', `${name.replace(/\W+/g, '-')}.mjs`);
    await build({
      ...BUNDLE_OPTIONS,
      stdin: { contents: `export * from '${module}';`, resolveDir: root, loader: 'ts' },
      outfile,
      bundle: true,
      banner: { js: BUNDLE_OPTIONS.banner },
      logLevel: 'warning',
    });
    parts.push([name, `await import(${JSON.stringify(pathToFileURL(outfile).href)});`]);
  }
  const subjects: [string, string][] = [
    ['bare node', ''],
    ...handlers.map((h): [string, string] => [
      h,
      `await import(${JSON.stringify(pathToFileURL(bundlePath(h)).href)});`,
    ]),
    // Loaded as the bundle loads them: require() (scripts/bundle-options.mjs).
    [
      'digest SDK clients',
      `const{createRequire}=await import('node:module');const r=createRequire(${JSON.stringify(join(out, 'digest', 'index.mjs'))});` +
        sdkModules.map((m) => `r(${JSON.stringify(m)});`).join(''),
    ],
    ...parts,
  ];
  const samples = new Map<string, Timing[]>(subjects.map(([name]) => [name, []]));
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? subjects : [...subjects].reverse();
    for (const [name, code] of order) samples.get(name)!.push(runFresh(code, root));
  }
  const medians: Record<string, Timing> = {};
  for (const [name, runs] of samples)
    medians[name] = { wallMs: median(runs.map((r) => r.wallMs)), cpuMs: median(runs.map((r) => r.cpuMs)) };
  const bare = medians['bare node']!;
  const over = (t: Timing): Timing => ({ wallMs: t.wallMs - bare.wallMs, cpuMs: t.cpuMs - bare.cpuMs });
  const overBareNode: Record<string, Timing> = {};
  for (const [name, t] of Object.entries(medians)) if (name !== 'bare node') overBareNode[name] = over(t);
  const digest = overBareNode.digest!;
  const sdk = overBareNode['digest SDK clients']!;
  const digestOwnCode = { wallMs: digest.wallMs - sdk.wallMs, cpuMs: digest.cpuMs - sdk.cpuMs };
  const result: BundleResult = {
    bytes,
    rounds,
    nodeFlags: NODE_FLAGS,
    medians: round1(medians),
    overBareNode: round1(overBareNode),
    digestOwnCode: roundTiming(digestOwnCode),
    sdkModules,
    targets: {
      digestBytes: DIGEST_BYTES_TARGET,
      digestBytesMet: bytes.digest! <= DIGEST_BYTES_TARGET,
      digestInitMs: DIGEST_INIT_TARGET_MS,
      digestInitMet: digest.wallMs <= DIGEST_INIT_TARGET_MS && digest.cpuMs <= DIGEST_INIT_TARGET_MS,
    },
  };
  const ms = (t: Timing) => `${Math.round(t.wallMs)} ms wall, ${Math.round(t.cpuMs)} ms CPU`;
  const plus = (t: Timing) => `+${Math.round(t.wallMs)} ms wall, +${Math.round(t.cpuMs)} ms CPU`;
  line(
    `bundle: sizes ${handlers.map((h) => `${h} ${(bytes[h]! / 1024).toFixed(0)} KiB`).join(', ')} ` +
      `(digest target ${DIGEST_BYTES_TARGET / 1024} KiB: ${result.targets.digestBytesMet ? 'met' : 'missed'})`,
  );
  line(
    `bundle: module initialisation in fresh processes, median of ${rounds}, node ${NODE_FLAGS.join(' ')}: bare node ${ms(bare)}`,
  );
  for (const h of handlers) line(`bundle:   ${h} ${plus(overBareNode[h]!)} over bare node`);
  line(
    `bundle:   the AWS SDK clients the digest loads at init (${sdkModules.join(', ')}) ${plus(sdk)} over bare node`,
  );
  line(
    `bundle:   digest without them (its own code) ${plus(digestOwnCode)}; target ${DIGEST_INIT_TARGET_MS} ms over bare node: ${result.targets.digestInitMet ? 'met' : 'missed'}`,
  );
  for (const [name] of parts)
    line(`bundle:   of which, bundled alone: ${name} (${PARTS[name]}) ${plus(overBareNode[name]!)}`);
  return result;
}

const roundTiming = (t: Timing): Timing => ({ wallMs: Math.round(t.wallMs), cpuMs: Math.round(t.cpuMs) });
const round1 = (r: Record<string, Timing>) =>
  Object.fromEntries(Object.entries(r).map(([k, t]) => [k, roundTiming(t)])) as Record<string, Timing>;

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  await benchBundles(root, (s) => process.stdout.write(`${s}\n`));
}

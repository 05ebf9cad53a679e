/**
 * The Templates port over Eta and the files in templates/ (email and archive). Eta escapes
 * `<%= %>` by default; `<%~ %>` (raw) is reserved for markup the core built from escaped parts.
 * The directory is injected: the CLI uses the repository's templates/, the Lambda the copy
 * bundled beside its handler.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';
import type { Templates } from '#ports/ports.ts';

/** Where the archive's search library is looked up (see readAsset). */
const MINISEARCH_ASSET = 'site/vendor/minisearch.js';

export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export function createEtaTemplates(dir: string = DEFAULT_TEMPLATES_DIR): Templates {
  const eta = new Eta({ views: dir, autoEscape: true, autoTrim: false, cache: true });
  const assets = new Map<string, Buffer | undefined>();
  return {
    id: dir,
    render: (name, data) => eta.render(`./${name}.eta`, data),
    asset(path) {
      if (!assets.has(path)) assets.set(path, readAsset(dir, path));
      return assets.get(path);
    },
  };
}

function readAsset(dir: string, path: string): Buffer | undefined {
  const full = normalize(join(dir, path));
  if (!full.startsWith(normalize(dir + sep))) return undefined;
  const candidates = [full];
  // The archive's MiniSearch browser build comes from node_modules when the code runs from the
  // repository (the package's exports map hides dist/umd: find it beside the CommonJS entry),
  // else from templates/site/vendor/ where the Lambda bundle copies it.
  if (path === MINISEARCH_ASSET) {
    try {
      candidates.unshift(
        join(dirname(createRequire(import.meta.url).resolve('minisearch')), '..', 'umd', 'index.js'),
      );
    } catch {
      // Not resolvable from a bundle without node_modules: the vendored copy is the candidate.
    }
  }
  const found = candidates.find((p) => existsSync(p));
  return found ? readFileSync(found) : undefined;
}

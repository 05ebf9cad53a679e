/**
 * One Eta engine for every template in templates/ (email and archive). Eta escapes `<%= %>` by
 * default; `<%~ %>` (raw) is reserved for markup the core built from escaped parts.
 * The directory is injected: the CLI uses the repository's templates/, the Lambda the copy
 * bundled beside its handler.
 */
import { fileURLToPath } from 'node:url';
import { Eta } from 'eta';

export const DEFAULT_TEMPLATES_DIR = fileURLToPath(new URL('../../templates/', import.meta.url));

export interface TemplateRenderer {
  /** Where the templates (and the archive's static assets) live. */
  dir: string;
  /** Renders templates/<name>.eta with `it` = data (name without the .eta). */
  render(name: string, data: object): string;
}

export function createTemplateRenderer(dir: string = DEFAULT_TEMPLATES_DIR): TemplateRenderer {
  const eta = new Eta({ views: dir, autoEscape: true, autoTrim: false, cache: true });
  return { dir, render: (name, data) => eta.render(`./${name}.eta`, data) };
}

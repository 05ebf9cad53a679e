/**
 * The schema library every module uses: zod/mini (functions instead of methods, so a bundle
 * keeps only what it calls) with zod's English error messages, which zod/mini does not load on
 * its own. Import it as a namespace, `import * as z from '#domain/zod.ts'`: a namespace import
 * lets the bundler drop every part that is not called, where `import { z }` keeps all of zod.
 * Only the English locale is loaded: zod's locale index would bring forty-odd languages.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';

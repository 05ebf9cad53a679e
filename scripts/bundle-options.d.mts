/** Types of bundle-options.mjs for the CDK construct. */
export declare const BUNDLE_OPTIONS: {
  format: 'esm';
  platform: 'node';
  target: string;
  minify: boolean;
  sourcemap: boolean;
  sourcesContent: boolean;
  charset: 'utf8' | 'ascii';
  mainFields: string[];
  external: string[];
  banner: string;
  alias: Record<string, string>;
};

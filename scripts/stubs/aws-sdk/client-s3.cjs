// @aws-sdk/client-s3 for the Lambda bundles: the runtime's CommonJS build through require() (see
// scripts/bundle-options.mjs). The indirect call keeps esbuild from resolving the name again.
const load = require;
module.exports = load('@aws-sdk/client-s3');

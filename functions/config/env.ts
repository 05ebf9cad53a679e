/**
 * Environment variable names shared by infra/ (which sets them) and functions/ (which reads
 * them), so the two cannot drift. Secrets are never passed here: only the ARN/name to fetch.
 */
export const ENV = {
  dataBucket: 'BRIEFING_DATA_BUCKET',
  siteBucket: 'BRIEFING_SITE_BUCKET',
  /** JSON config document (the same schema as briefing.config.json). */
  config: 'BRIEFING_CONFIG',
  signingSecretName: 'BRIEFING_SIGNING_SECRET_NAME',
  /** "true" for S3-compatible servers without virtual-host buckets (tests against s3rver); unset in AWS. */
  s3ForcePathStyle: 'BRIEFING_S3_FORCE_PATH_STYLE',
} as const;

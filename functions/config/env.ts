/**
 * Environment variable names shared by infra/ (which sets them) and functions/ (which reads
 * them), so the two cannot drift. Secrets are never passed here: only the ARN/name to fetch.
 */
export const ENV = {
  dataBucket: 'BRIEFING_DATA_BUCKET',
  siteBucket: 'BRIEFING_SITE_BUCKET',
  /** The bucket holding the shipped configuration document (briefing.config.json). */
  configBucket: 'BRIEFING_CONFIG_BUCKET',
  /** Its key there. */
  configKey: 'BRIEFING_CONFIG_KEY',
  /** Hash of the document this function version was deployed with (the object's `revision` metadata). */
  configRevision: 'BRIEFING_CONFIG_REVISION',
  signingSecretName: 'BRIEFING_SIGNING_SECRET_NAME',
  /** The secret CloudFront adds as a header to every API request; direct calls lack it. */
  originSecretName: 'BRIEFING_ORIGIN_SECRET_NAME',
  /** The SQS queue the digest fans recipients out to; unset: the digest mails everyone itself. */
  sendQueueUrl: 'BRIEFING_SEND_QUEUE_URL',
  /** "true" for S3-compatible servers without virtual-host buckets (tests against s3rver); unset in AWS. */
  s3ForcePathStyle: 'BRIEFING_S3_FORCE_PATH_STYLE',
} as const;

/** The header CloudFront adds to API requests (value: the origin secret). */
export const ORIGIN_SECRET_HEADER = 'x-briefing-origin-secret';

/** Where the stack ships the configuration document, in the config bucket. */
export const SHIPPED_CONFIG_KEY = 'briefing.config.json';

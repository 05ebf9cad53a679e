/**
 * A Store that answers as S3 answers a function with the given IAM grants: an object action on a
 * key no grant covers is AccessDenied, and so is a read of a missing key without s3:ListBucket on
 * a prefix that matches it (S3 tells a caller that may not list whether a key exists only by
 * refusing: 403, not 404). Local stand-ins such as s3rver allow everything, which hides both.
 * Every refusal is recorded, so a test can name what a function would be denied in AWS.
 */
import type { Store } from '#ports/ports.ts';

/** Grants of one function on one bucket, as IAM patterns ("sends/*", an exact key, "*"). */
interface BucketGrants {
  get: string[];
  put: string[];
  delete: string[];
  list: string[];
}

const matches = (pattern: string, key: string) =>
  pattern.endsWith('*') ? key.startsWith(pattern.slice(0, -1)) : key === pattern;

/** The grants of one bucket out of "action Bucket/pattern" lines (tests/helpers/stack-grants.ts). */
function grantsOn(bucket: string, lines: readonly string[]): BucketGrants {
  const of = (action: string) =>
    lines
      .filter((l) => l.startsWith(`${action} ${bucket}/`))
      .map((l) => l.slice(`${action} ${bucket}/`.length));
  return {
    get: of('s3:GetObject'),
    put: of('s3:PutObject'),
    delete: of('s3:DeleteObject'),
    list: of('s3:ListBucket'),
  };
}

/**
 * `inner` as bucket `name` is seen by a role with these grant lines ("action Bucket/pattern", as
 * tests/helpers/stack-grants.ts reads them); refusals are appended to `denied`.
 */
export function grantedStore(inner: Store, name: string, lines: readonly string[], denied: string[]): Store {
  const grants = grantsOn(name, lines);
  const allowed = (patterns: string[], key: string) => patterns.some((p) => matches(p, key));
  const deny = (action: string, key: string): never => {
    denied.push(`${action} ${name}/${key}`);
    throw Object.assign(new Error(`AccessDenied: ${action} ${name}/${key}`), { name: 'AccessDenied' });
  };
  return {
    async get(key) {
      if (!allowed(grants.get, key)) return deny('s3:GetObject', key);
      const object = await inner.get(key);
      // Missing: 404 only to a caller that may list a prefix of the key.
      if (!object && !allowed(grants.list, key)) return deny('s3:ListBucket (a missing key)', key);
      return object;
    },
    async put(key, body, options) {
      if (!allowed(grants.put, key)) return deny('s3:PutObject', key);
      return inner.put(key, body, options);
    },
    async list(prefix) {
      if (!allowed(grants.list, prefix)) return deny('s3:ListBucket', prefix);
      return inner.list(prefix);
    },
    async delete(key) {
      if (!allowed(grants.delete, key)) return deny('s3:DeleteObject', key);
      return inner.delete(key);
    },
  };
}

/**
 * The Store port on an S3 bucket. Conditional writes (If-Match / If-None-Match on PutObject)
 * give the optimistic concurrency that editions.json and send claims rely on.
 *
 * The command classes are imported on the first call, not with the module: the S3 client
 * package costs a Lambda tens of ms of CPU to load (bench/bundle.ts), and a handler that never
 * reaches S3 (an invalid event) need not pay it at every cold start.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { PreconditionFailedError } from '#domain/errors.ts';
import type { PutOptions, Store, StoredObject } from '#ports/ports.ts';

export interface S3StoreOptions {
  client: S3Client;
  bucket: string;
  /** Optional key prefix, e.g. "site/" when one bucket holds several stores. */
  prefix?: string;
}

interface AwsLikeError {
  name?: string;
  Code?: string;
  $metadata?: { httpStatusCode?: number };
}

let commands: Promise<typeof import('@aws-sdk/client-s3')> | undefined;
const s3Commands = () => {
  commands ??= import('@aws-sdk/client-s3');
  return commands;
};

const statusOf = (error: unknown) => (error as AwsLikeError)?.$metadata?.httpStatusCode;

export function createS3Store({ client, bucket, prefix = '' }: S3StoreOptions): Store {
  return {
    async get(key: string): Promise<StoredObject | undefined> {
      const { GetObjectCommand } = await s3Commands();
      try {
        const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: prefix + key }));
        const bytes = out.Body ? await out.Body.transformToByteArray() : new Uint8Array();
        return {
          body: Buffer.from(bytes),
          ...(out.ContentType ? { contentType: out.ContentType } : {}),
          ...(out.ETag ? { etag: out.ETag } : {}),
          ...(out.Metadata ? { metadata: out.Metadata } : {}),
        };
      } catch (error) {
        const name = (error as AwsLikeError).name;
        if (name === 'NoSuchKey' || name === 'NotFound' || statusOf(error) === 404) return undefined;
        throw error;
      }
    },

    async put(key: string, body: Buffer | string, options: PutOptions): Promise<{ etag: string }> {
      const { PutObjectCommand } = await s3Commands();
      try {
        const out = await client.send(
          new PutObjectCommand({
            Bucket: bucket,
            Key: prefix + key,
            Body: typeof body === 'string' ? Buffer.from(body) : body,
            ContentType: options.contentType,
            ...(options.cacheControl ? { CacheControl: options.cacheControl } : {}),
            ...(options.metadata ? { Metadata: options.metadata } : {}),
            ...(options.ifMatch ? { IfMatch: options.ifMatch } : {}),
            ...(options.ifNoneMatch ? { IfNoneMatch: options.ifNoneMatch } : {}),
          }),
        );
        return { etag: out.ETag ?? '' };
      } catch (error) {
        // 412: the condition failed; 409: a concurrent conditional write won the race.
        const status = statusOf(error);
        const name = (error as AwsLikeError).name;
        if (
          status === 412 ||
          status === 409 ||
          name === 'PreconditionFailed' ||
          name === 'ConditionalRequestConflict'
        ) {
          throw new PreconditionFailedError(key, { cause: error });
        }
        throw error;
      }
    },

    async list(keyPrefix: string): Promise<string[]> {
      const { ListObjectsV2Command } = await s3Commands();
      const keys: string[] = [];
      let token: string | undefined;
      do {
        const out = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix + keyPrefix, ContinuationToken: token }),
        );
        for (const o of out.Contents ?? []) if (o.Key) keys.push(o.Key.slice(prefix.length));
        token = out.IsTruncated ? out.NextContinuationToken : undefined;
      } while (token);
      return keys.sort();
    },

    async delete(key: string): Promise<void> {
      const { DeleteObjectCommand } = await s3Commands();
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: prefix + key }));
    },
  };
}

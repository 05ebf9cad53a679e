/**
 * Client settings for an AWS SDK client talking to a stand-in service the test starts on
 * 127.0.0.1: its endpoint, dummy credentials, one attempt unless asked, and HTTP/1.1 (the SDK
 * speaks HTTP/2 to some services; the stand-ins speak HTTP/1.1).
 */
import { NodeHttpHandler } from '@smithy/node-http-handler';

export function standInClientConfig(endpoint: string, maxAttempts = 1) {
  return {
    endpoint,
    region: 'eu-west-2',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
    maxAttempts,
    requestHandler: new NodeHttpHandler(),
  };
}

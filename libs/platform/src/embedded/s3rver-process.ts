/**
 * Child-process entry of the embedded S3 endpoint (see startEmbeddedS3). Reports its port to the parent over
 * IPC and exits when told to or when the parent disappears (the IPC channel closes).
 */
import { runS3rver } from './embedded-s3';

async function main(): Promise<void> {
  const options = JSON.parse(process.env.S3RVER_OPTIONS ?? '{}');
  delete process.env.S3RVER_OPTIONS;
  const server = await runS3rver(options);
  let closing = false;
  const shutdown = (): void => {
    if (closing) return;
    closing = true;
    server.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 3000).unref();
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', () => undefined); // Ctrl-C reaches the whole process group; the parent decides.
  process.on('disconnect', shutdown);
  process.send?.({ port: server.port });
}

main().catch((error: unknown) => {
  process.send?.({ error: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});

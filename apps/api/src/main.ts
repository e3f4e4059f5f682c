import 'reflect-metadata';
import { INestApplication, Logger } from '@nestjs/common';
import { ConfigError, ServiceEndpoints, loadConfig, startServices } from '@opendata/config';
import { createApp } from './app.factory';

const logger = new Logger('Main');

/**
 * `npm start`: validate the configuration, start the embedded services unless external ones are configured,
 * build the API, listen. Ctrl-C / SIGTERM stop the HTTP server, then the database pool, then the embedded
 * services, in that order.
 */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Invalid configuration: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }

  let endpoints: ServiceEndpoints | null = null;
  let app: INestApplication | null = null;
  let stopping = false;
  const stop = async (signal: string): Promise<void> => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received, shutting down`);
    const force = setTimeout(() => process.exit(1), 15000).unref();
    await app?.close().catch((e: unknown) => logger.error(`closing the API failed: ${e}`));
    await endpoints?.stop();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  try {
    endpoints = await startServices(config, logger);
    app = await createApp(config, endpoints);
    await app.listen(config.port, config.host);
  } catch (error) {
    logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await app?.close().catch(() => undefined);
    await endpoints?.stop();
    process.exit(1);
  }
  const base = `http://localhost:${config.port}`;
  logger.log(`GraphQL API and explorer: ${base}/graphql`);
  logger.log(`Health check:             ${base}/health`);
  if (endpoints.embedded.database || endpoints.embedded.storage) logger.log(`Embedded services keep their data in ${config.dataDir}`);
}

void main();

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { AppConfig, ConfigError, StartupError, loadConfig } from '@opendata/config';
import cluster from 'node:cluster';
import { runClusterPrimary, runClusterWorker, runSingleProcess } from './platform/server-process';

/**
 * `npm start`: validate the configuration, start the embedded services unless external ones are configured,
 * build the API, listen. With API_WORKERS > 1 a primary process owns the services and workers serve the port.
 * Ctrl-C / SIGTERM stop the HTTP servers, then the database pool, then the embedded services, in that order.
 */
function configOrExit(): AppConfig {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Invalid configuration: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}

const config = configOrExit();
const run = cluster.isWorker ? runClusterWorker : config.apiWorkers > 1 ? runClusterPrimary : runSingleProcess;
run(config).catch((error: unknown) => {
  // What the operator can fix is said in one line; anything else is a bug, whose stack helps.
  if (error instanceof StartupError) process.stderr.write(`Cannot start: ${error.message}\n`);
  else new Logger('Main').error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  // Give embedded services started so far the chance to stop (their exit hooks run on process.exit).
  process.exit(1);
});

import { Controller, Get, Inject, Res } from '@nestjs/common';
import { DatabaseRepository } from '@opendata/database';
import { OBJECT_STORE, ObjectStore } from '@opendata/storage';
import { Response } from 'express';

const CHECK_TIMEOUT_MS = 3000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timed out')), CHECK_TIMEOUT_MS).unref()),
  ]);
}

async function check(probe: () => Promise<unknown>): Promise<string> {
  try {
    await withTimeout(probe());
    return 'ok';
  } catch (error) {
    return `error: ${error instanceof Error ? error.message : String(error)}`;
  }
}

/** 200 once the database and the object store answer, 503 otherwise (for load balancers and compose). */
@Controller()
export class HealthController {
  private readonly startedAt = Date.now();

  constructor(
    private readonly database: DatabaseRepository,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  @Get('health')
  async health(@Res() res: Response): Promise<void> {
    const [database, storage] = await Promise.all([check(() => this.database.ping()), check(() => this.store.ping())]);
    const ok = database === 'ok' && storage === 'ok';
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'unavailable',
      database,
      storage,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    });
  }
}

import { Controller, Get, Inject, Res } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OBJECT_STORE, ObjectStore } from '@opendata/storage';
import { Response } from 'express';
import { DataSource } from 'typeorm';

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
    @InjectDataSource() private readonly db: DataSource,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
  ) {}

  @Get('health')
  async health(@Res() res: Response): Promise<void> {
    const [database, storage] = await Promise.all([check(() => this.db.query('SELECT 1')), check(() => this.store.ping())]);
    const ok = database === 'ok' && storage === 'ok';
    res.status(ok ? 200 : 503).json({
      status: ok ? 'ok' : 'unavailable',
      database,
      storage,
      uptimeSeconds: Math.round((Date.now() - this.startedAt) / 1000),
    });
  }
}

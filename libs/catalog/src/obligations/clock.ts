import { Injectable } from '@nestjs/common';

/**
 * The time deadlines are compared with, behind a small class so that a test can set it (by replacing `now`)
 * while everything else runs for real.
 */
@Injectable()
export class Clock {
  now(): Date {
    return new Date();
  }
}

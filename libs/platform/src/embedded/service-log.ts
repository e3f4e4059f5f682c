/** The little a service starter needs to report progress; Nest's Logger and console both fit. */
export interface ServiceLog {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export const silentLog: ServiceLog = { log: () => undefined, warn: () => undefined, error: () => undefined };

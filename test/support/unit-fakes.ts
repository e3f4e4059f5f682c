import { Caller, OrgRole } from '@opendata/auth';
import type { OrganizationEntity, OrganizationService } from '@opendata/catalog';
import { AppError, notFound } from '@opendata/common';

/** Callers, error helpers and a transaction stand-in for unit specs of services built on fake repositories. */

/** A signed-in user with roles by organization id. */
export function signedIn(userId: string, roles: Record<string, OrgRole> = {}, isSysadmin = false): Caller {
  return { userId, username: userId, isSysadmin, roles: new Map(Object.entries(roles)) };
}

export function sysadmin(userId = 'admin'): Caller {
  return signedIn(userId, {}, true);
}

/** The AppError a call rejects with; fails when the call succeeds or throws something else. */
export async function rejection(call: Promise<unknown>): Promise<AppError> {
  const outcome = await call.then(
    () => new Error('expected the call to be refused, but it succeeded'),
    (error: unknown) => error,
  );
  if (!(outcome instanceof AppError)) throw outcome;
  return outcome;
}

/** The code of the AppError a call rejects with. */
export async function codeOf(call: Promise<unknown>): Promise<string> {
  return (await rejection(call)).code;
}

/** The field paths named by the BAD_USER_INPUT a call rejects with. */
export async function badFields(call: Promise<unknown>): Promise<string[]> {
  const error = await rejection(call);
  if (error.code !== 'BAD_USER_INPUT') throw new Error(`expected BAD_USER_INPUT, got ${error.code}: ${error.message}`);
  return (error.details?.fields ?? []).map((f) => f.path);
}

/** The handle a fake repository's `withTransaction` hands to the work, so that a spec can check what ran inside. */
export const FAKE_TX = Object.freeze({ fakeTransaction: true }) as never;

/** The `withTransaction(actor, work)` of a repository: records whom it names, then runs the work with FAKE_TX. */
export class FakeTransactions {
  readonly actors: Caller[] = [];

  async withTransaction<T>(actor: Caller, work: (tx: never) => Promise<T>): Promise<T> {
    this.actors.push(actor);
    return work(FAKE_TX);
  }
}

/**
 * One transaction of RecordedTransactions: what its work registered, and how it ended. Its after-commit hooks
 * run when it commits, as withTransaction runs them.
 */
export class FakeTransaction {
  readonly hooks: Array<() => void> = [];
  changedCatalog = false;
  outcome: 'open' | 'committed' | 'rolled back' = 'open';

  constructor(readonly actor: Caller) {}

  afterCommit(hook: () => void): void {
    this.hooks.push(hook);
  }

  catalogChanged(): void {
    this.changedCatalog = true;
  }
}

/** A `withTransaction` that hands each work a FakeTransaction of its own and keeps them all, in order. */
export class RecordedTransactions {
  readonly transactions: FakeTransaction[] = [];

  async withTransaction<T>(actor: Caller, work: (tx: never) => Promise<T>): Promise<T> {
    const tx = new FakeTransaction(actor);
    this.transactions.push(tx);
    try {
      const result = await work(tx as never);
      tx.outcome = 'committed';
      for (const hook of tx.hooks) hook();
      return result;
    } catch (error) {
      tx.outcome = 'rolled back';
      throw error;
    }
  }
}

/** An OrganizationService that knows these organizations: by slug (else NOT_FOUND), and as its list. */
export function fakeOrganizations(...organizations: Array<Partial<OrganizationEntity> & Pick<OrganizationEntity, 'id' | 'slug'>>): OrganizationService {
  const fake = {
    list: async () => organizations,
    getBySlug: async (slug: string) => {
      const found = organizations.find((o) => o.slug === slug);
      if (!found) throw notFound('organization', slug);
      return found;
    },
  };
  return fake as unknown as OrganizationService;
}

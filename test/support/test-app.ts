import { INestApplication } from '@nestjs/common';
import { SYSTEM, TokenService, UserService, OrgRole } from '@opendata/auth';
import { OrganizationService } from '@opendata/catalog';
import { AppConfig, ServiceEndpoints, loadConfig } from '@opendata/config';
import request from 'supertest';
import { createApp } from '../../apps/api/src/app.factory';
import { createTestDatabase, testStorage } from './test-services';

export const TEST_ADMIN_TOKEN = 'test-admin-token-not-a-secret';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  endpoints: ServiceEndpoints;
  http: ReturnType<typeof request>;
  /** POST /graphql; resolves with the parsed body and the HTTP status. */
  gql(query: string, variables?: Record<string, unknown>, token?: string): Promise<{ status: number; body: GqlBody }>;
  close(): Promise<void>;
}

export interface GqlBody {
  data?: Record<string, any> | null;
  errors?: Array<{ message: string; path?: string[]; extensions?: { code?: string; messageKey?: string; fields?: Array<{ path: string; message: string }> } }>;
}

/**
 * The real API on a fresh database (real migrations) and a fresh bucket of the shared embedded S3 endpoint.
 */
export async function startTestApp(overrides: Partial<AppConfig> = {}, shared?: TestApp): Promise<TestApp> {
  // A second app on the same database and bucket stands for another API process or replica.
  const db = shared
    ? { url: shared.endpoints.databaseUrl, drop: async () => undefined }
    : await createTestDatabase();
  const config: AppConfig = {
    ...loadConfig({}),
    seedDemo: false,
    jobsInApi: false,
    adminToken: TEST_ADMIN_TOKEN,
    publicUrl: 'http://opendata.test',
    // Suites fire many requests from one address; the rate-limit suite turns quotas on itself.
    rateLimit: { windowSeconds: 60, perToken: 0, perIp: 0 },
    ...overrides,
  };
  const endpoints: ServiceEndpoints = {
    databaseUrl: db.url,
    storage: shared ? shared.endpoints.storage : testStorage(),
    embedded: { database: false, storage: false },
    stop: async () => undefined,
  };
  const app = await createApp(config, endpoints, false);
  const http = request(app.getHttpServer());
  return {
    app,
    config,
    endpoints,
    http,
    gql: async (query, variables, token) => {
      const req = request(app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
      if (token) req.set('authorization', `Bearer ${token}`);
      const res = await req.send({ query, variables });
      return { status: res.status, body: res.body as GqlBody };
    },
    close: async () => {
      await app.close();
      await db.drop();
    },
  };
}

/** A user with a role in an organization and a token for them, made through the real services. */
export async function userWithRole(
  app: INestApplication,
  username: string,
  membership?: { organizationSlug: string; role: OrgRole },
): Promise<string> {
  await app.get(UserService).createUser(SYSTEM, { username, displayName: username });
  if (membership) {
    const organization = await app.get(OrganizationService).getBySlug(membership.organizationSlug);
    await app.get(UserService).setMembership(SYSTEM, { username, organizationId: organization.id, role: membership.role });
  }
  const { token } = await app.get(TokenService).createToken(SYSTEM, { username, name: 'test' });
  return token;
}

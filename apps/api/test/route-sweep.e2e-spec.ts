import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import {
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isLeafType,
  isListType,
  isNonNullType,
  isScalarType,
} from 'graphql';
import { connect } from 'node:net';
import { AddressInfo } from 'node:net';
import { TEST_ADMIN_TOKEN, TestApp, startTestApp } from '../../../test/support/test-app';

/**
 * The edge check, swept over the whole running application: every route the Express router holds and every
 * query and mutation of the GraphQL schema gets a NUL character (and, where JSON carries it, an unpaired
 * surrogate) in each parameter it declares, one parameter at a time. None may answer 500; each must answer 4xx
 * naming that parameter. The routes and parameters are read from the application, so a route added later is
 * swept without this file changing.
 */

interface Route {
  method: 'get' | 'post';
  path: string;
  /** Path parameters (`:id`), declared query parameters (null: the route takes the whole query), and more. */
  params: string[];
  query: string[] | null;
  body: boolean;
  headers: string[];
  /** Reads the raw request itself (multipart uploads). */
  raw: boolean;
}

const NUL = '\u0000';
const SURROGATE = '\ud800';

/** Routes as Express holds them, each joined to the parameters its Nest handler declares. */
function discoverRoutes(t: TestApp): { routes: Route[]; unmatched: string[] } {
  const express = t.app.getHttpAdapter().getInstance();
  const stack = (express.router ?? express._router).stack as Array<{ route?: { path: string; methods: Record<string, boolean> } }>;
  const handlers = new Map<string, Omit<Route, 'method' | 'path' | 'params'>>();
  for (const module of t.app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: unknown[]) => unknown) | null;
      if (!controller) continue;
      const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        const sub = Reflect.getMetadata(PATH_METADATA, handler);
        if (name === 'constructor' || sub === undefined) continue;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number].toLowerCase();
        // A handler may serve several paths (@Get(['a', 'b'])).
        const paths = (Array.isArray(sub) ? sub : [sub]).map((one) => `/${[base, String(one)].filter(Boolean).join('/')}`.replace(/\/+/g, '/').replace(/(.)\/$/, '$1'));
        const args = Object.entries((Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<string, { data?: string }>).map(([key, value]) => ({
          type: Number(key.split(':')[0]),
          data: value.data,
        }));
        const of = (type: RouteParamtypes) => args.filter((a) => a.type === type);
        for (const path of paths) {
          handlers.set(`${method} ${path}`, {
            query: of(RouteParamtypes.QUERY).some((a) => !a.data) ? null : of(RouteParamtypes.QUERY).map((a) => a.data!),
            body: of(RouteParamtypes.BODY).length > 0,
            headers: of(RouteParamtypes.HEADERS).map((a) => a.data!),
            raw: of(RouteParamtypes.REQUEST).length > 0 && method === 'post',
          });
        }
      }
    }
  }
  const routes: Route[] = [];
  const unmatched: string[] = [];
  for (const layer of stack) {
    if (!layer.route) continue;
    for (const method of Object.keys(layer.route.methods) as Array<'get' | 'post'>) {
      const declared = handlers.get(`${method} ${layer.route.path}`);
      if (!declared) {
        unmatched.push(`${method} ${layer.route.path}`);
        continue;
      }
      const params = [...layer.route.path.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => m[1]);
      routes.push({ method, path: layer.route.path, params, ...declared });
    }
  }
  return { routes, unmatched };
}

/** Whether an error body names the parameter: our `details.fields[].path` (GraphQL's shape: `extensions.fields`), or a key of CKAN's error object. */
function names(body: any, parameter: string): boolean {
  if (body?.details?.fields?.some((f: { path: string }) => f.path === parameter)) return true;
  if (body?.errors?.[0]?.extensions?.fields?.some((f: { path: string }) => f.path === parameter)) return true;
  return body?.success === false && body.error?.__type === 'Validation Error' && Array.isArray(body.error[parameter]);
}

describe('route sweep: a NUL byte in every parameter of every route and GraphQL field', () => {
  let t: TestApp;
  let routes: Route[];
  let unmatched: string[];
  const failures: string[] = [];
  const probes: string[] = [];

  /** Records a probe; a 5xx, a 2xx/3xx, or an error that does not name the parameter is a failure. */
  const expectNamed = (what: string, status: number, body: unknown, parameter: string | null) => {
    probes.push(what);
    if (status >= 500 || status < 400) failures.push(`${what}: HTTP ${status} ${JSON.stringify(body).slice(0, 200)}`);
    else if (parameter !== null && !names(body, parameter)) failures.push(`${what}: HTTP ${status} does not name "${parameter}": ${JSON.stringify(body).slice(0, 300)}`);
  };
  const fill = (path: string, nulIn: string | null) => path.replace(/:([A-Za-z_]\w*)/g, (_m, name: string) => encodeURIComponent(name === nulIn ? `x${NUL}` : 'x'));
  const send = (route: Route, path: string) => t.http[route.method](path).set('authorization', `Bearer ${TEST_ADMIN_TOKEN}`);

  beforeAll(async () => {
    t = await startTestApp();
    ({ routes, unmatched } = discoverRoutes(t));
  });
  afterAll(() => t.close());

  it('finds every route of the application in the router, each with its handler', () => {
    expect(unmatched).toEqual([]);
    expect(routes.length).toBeGreaterThanOrEqual(18);
    const seen = routes.map((r) => `${r.method} ${r.path}`);
    for (const known of ['get /api/3/action/:action', 'post /api/3/action/:action', 'post /api/v1/datasets/:dataset/resources', 'get /api/v1/resources/:id/data.csv', 'get /health']) {
      expect(seen).toContain(known);
    }
  });

  it('answers 4xx naming the parameter for a NUL in each path parameter, query parameter, JSON body field and form field', async () => {
    for (const route of routes) {
      for (const param of route.params) {
        const res = await send(route, fill(route.path, param));
        expectNamed(`${route.method} ${route.path} path :${param}`, res.status, res.body, param);
      }
      // Declared names, and `probe` for the rest: the edge checks every query parameter, read or not (a route
      // that takes the whole query reads any name).
      for (const name of [...(route.query ?? []), 'probe']) {
        const res = await send(route, fill(route.path, null)).query({ [name]: `a${NUL}b` });
        expectNamed(`${route.method} ${route.path} query ${name}`, res.status, res.body, name);
      }
      if (route.body) {
        for (const [value, label] of [[NUL, 'NUL'], [SURROGATE, 'surrogate']]) {
          const res = await send(route, fill(route.path, null)).set('content-type', 'application/json').send(JSON.stringify({ id: 'x', nested: { deep: [`a${value}`] } }));
          expectNamed(`${route.method} ${route.path} JSON body (${label})`, res.status, res.body, 'nested.deep.0');
        }
      }
      if (route.raw) {
        const field = await send(route, fill(route.path, null)).field('schema', `air${NUL}`).attach('file', Buffer.from('a,b\n1,2\n'), 'x.csv');
        expectNamed(`${route.method} ${route.path} form field schema`, field.status, field.body, 'schema');
        // The file name as RFC 5987 writes non-ASCII names (filename*), which the multipart reader decodes.
        const part = `--b\r\ncontent-disposition: form-data; name="file"; filename*=UTF-8''x%00.csv\r\ncontent-type: text/csv\r\n\r\na,b\n1,2\n\r\n--b--\r\n`;
        const named = await send(route, fill(route.path, null)).set('content-type', 'multipart/form-data; boundary=b').send(part);
        expectNamed(`${route.method} ${route.path} file name`, named.status, named.body, 'file');
        // A raw NUL byte in a part's header: the reader refuses the body as malformed, naming it.
        const raw = await send(route, fill(route.path, null)).attach('file', Buffer.from('a,b\n1,2\n'), { filename: `x${NUL}.csv`, contentType: 'text/csv' });
        expectNamed(`${route.method} ${route.path} raw NUL in a part header`, raw.status, raw.body, 'body');
      }
    }
    expect(failures).toEqual([]);
    // Every route got at least one probe.
    for (const route of routes) expect(probes.some((p) => p.startsWith(`${route.method} ${route.path} `))).toBe(true);
  });

  it('never answers 500 to a control character in a header the app reads (Node refuses it with 400 first)', async () => {
    await t.app.listen(0, '127.0.0.1');
    const port = (t.app.getHttpServer().address() as AddressInfo).port;
    const headers = new Set(['authorization', ...routes.flatMap((r) => r.headers)]);
    for (const header of headers) {
      const answer = await new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(`GET /health HTTP/1.1\r\nHost: x\r\n${header}: a${NUL}b\r\n\r\n`));
        let text = '';
        socket.on('data', (chunk) => (text += chunk.toString('latin1')));
        socket.on('close', () => resolve(text));
        socket.on('error', () => resolve(text));
      });
      expect([header, answer.split('\r\n')[0]]).toEqual([header, 'HTTP/1.1 400 Bad Request']);
    }
  });

  it('answers 400 naming the variable for a NUL in every string argument (and input field) of every query and mutation', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const gqlFailures: string[] = [];
    let swept = 0;
    for (const root of [schema.getQueryType(), schema.getMutationType()] as GraphQLObjectType[]) {
      const operation = root === schema.getQueryType() ? 'query' : 'mutation';
      for (const field of Object.values(root.getFields())) {
        for (const target of stringLeaves(field)) {
          for (const value of target.isJson ? [{ k: NUL }] : [`a${NUL}`, SURROGATE]) {
            const variables: Record<string, unknown> = {};
            for (const arg of field.args) {
              const filled = arg.name === target.arg ? placeholder(arg.type, target.path, value) : isNonNullType(arg.type) ? placeholder(arg.type, [], null) : undefined;
              if (filled !== undefined) variables[arg.name] = filled;
            }
            const declared = field.args.filter((a) => a.name in variables);
            const signature = declared.length ? `(${declared.map((a) => `$${a.name}: ${a.type}`).join(', ')})` : '';
            const call = declared.length ? `(${declared.map((a) => `${a.name}: $${a.name}`).join(', ')})` : '';
            const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
            const res = await t.gql(`${operation}${signature} { ${field.name}${call}${selection} }`, variables, TEST_ADMIN_TOKEN);
            const expectedPath = `$${[target.arg, ...target.path, ...(target.isJson ? ['k'] : [])].join('.')}`;
            const error = res.body.errors?.[0];
            swept++;
            if (res.status !== 400 || error?.extensions?.code !== 'BAD_USER_INPUT' || error.extensions.fields?.[0]?.path !== expectedPath) {
              gqlFailures.push(`${field.name} ${expectedPath}: HTTP ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
            }
          }
        }
      }
    }
    expect(gqlFailures).toEqual([]);
    expect(swept).toBeGreaterThan(50);
  });

  it('answers 400 naming the argument for a NUL written in a string literal of the query itself', async () => {
    const schema = t.app.get(GraphQLSchemaHost).schema;
    const root = schema.getQueryType()!;
    let swept = 0;
    for (const field of Object.values(root.getFields())) {
      for (const arg of field.args.filter((a) => ['String', 'ID'].includes(getNamedType(a.type).name))) {
        const selection = isLeafType(getNamedType(field.type)) ? '' : ' { __typename }';
        const res = await t.gql(`{ ${field.name}(${arg.name}: "a\\u0000b")${selection} }`, {}, TEST_ADMIN_TOKEN);
        expect([field.name, res.status, res.body.errors?.[0].extensions?.fields?.[0].path]).toEqual([field.name, 400, arg.name]);
        swept++;
      }
    }
    expect(swept).toBeGreaterThan(10);
  });
});

interface Leaf {
  arg: string;
  /** Input field names from the argument down to the leaf. */
  path: string[];
  /** A JSON scalar: the NUL goes inside an object it holds. */
  isJson: boolean;
}

/** Every String, ID or JSON place in a field's arguments, through input objects (lists take one item). */
function stringLeaves(field: GraphQLField<unknown, unknown>): Leaf[] {
  const leaves: Leaf[] = [];
  const walk = (arg: string, type: GraphQLInputType, path: string[], depth: number): void => {
    if (isNonNullType(type) || isListType(type)) return walk(arg, type.ofType as GraphQLInputType, isListType(type) ? [...path, '0'] : path, depth);
    if (isScalarType(type)) {
      if (['String', 'ID'].includes(type.name)) leaves.push({ arg, path, isJson: false });
      else if (type.name.startsWith('JSON')) leaves.push({ arg, path, isJson: true });
    } else if (isInputObjectType(type) && depth < 4) {
      for (const inner of Object.values(type.getFields())) walk(arg, inner.type, [...path, inner.name], depth + 1);
    }
  };
  for (const arg of field.args) walk(arg.name, arg.type, [], 0);
  return leaves;
}

/** A value of the type with only its required parts, and `value` at `path` (the leaf being probed). */
function placeholder(type: GraphQLInputType, path: string[], value: unknown): unknown {
  if (isNonNullType(type)) return placeholder(type.ofType as GraphQLInputType, path, value);
  if (isListType(type)) return [placeholder(type.ofType as GraphQLInputType, path.slice(1), value)];
  if (path.length === 0 && value !== null) return value;
  if (isEnumType(type)) return type.getValues()[0].value === undefined ? type.getValues()[0].name : type.getValues()[0].name;
  if (isScalarType(type)) return ({ String: 'x', ID: 'x', Int: 1, Float: 1, Boolean: true } as Record<string, unknown>)[type.name] ?? (type.name.startsWith('JSON') ? {} : 1);
  if (isInputObjectType(type)) {
    const out: Record<string, unknown> = {};
    for (const inner of Object.values(type.getFields())) {
      if (inner.name === path[0]) out[inner.name] = placeholder(inner.type, path.slice(1), value);
      else if (isNonNullType(inner.type)) out[inner.name] = placeholder(inner.type, [], null);
    }
    return out;
  }
  return null;
}

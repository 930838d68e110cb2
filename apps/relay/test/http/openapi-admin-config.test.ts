import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findPlatformByCode } from '../../src/db/platforms';
import { type TestApp, createTestApp } from '../support/app';

/**
 * Storefronts, sGTM configs and credentials are served by `defineRoute`: the schemas in
 * /openapi.json are the ones that validate. Checked both ways: what the document calls valid (its
 * examples) is accepted and answered as documented, and what it calls invalid is a 422 naming the field.
 */

let t: TestApp;
// biome-ignore lint/suspicious/noExplicitAny: the document is validated by openapi-document.test.ts, read freely here
let doc: any;
let ajv: Ajv2020;
const DOC_ID = 'https://relay.test/openapi.json';

beforeAll(async () => {
  t = await createTestApp();
  doc = await (await t.app.request('/openapi.json')).json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ $id: DOC_ID, components: doc.components });
});
afterAll(() => t.close());

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  exclusiveMinimum?: number;
  additionalProperties?: boolean | JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  example?: Record<string, unknown>;
}

const component = (name: string): JsonSchema => doc.components.schemas[name];
const fits = (name: string, value: unknown) => ajv.validate(`${DOC_ID}#/components/schemas/${name}`, value);
/** A schema from the document with its `#/components/...` references made absolute for ajv. */
const absolute = (schema: unknown) =>
  JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', `"${DOC_ID}#/components/`));
const errorsOf = (name: string, value: unknown) => (fits(name, value) ? [] : ajv.errors);

const RESOURCES = [
  { base: '/admin/v1/storefronts', tag: 'storefronts', name: 'Storefront', filters: [] },
  { base: '/admin/v1/sgtm-configs', tag: 'sgtm-configs', name: 'SgtmConfig', filters: ['storefront_id'] },
  {
    base: '/admin/v1/credentials',
    tag: 'credentials',
    name: 'Credential',
    filters: ['storefront_id', 'platform_id'],
  },
] as const;

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const bodyRef = (operation: { requestBody: { content: Record<string, { schema: unknown }> } }) =>
  operation.requestBody.content['application/json']!.schema;
const responseSchema = (
  operation: { responses: Record<string, { content?: Record<string, { schema: unknown }> }> },
  status: string,
) => operation.responses[status]!.content?.['application/json']?.schema;

describe.each(RESOURCES)('$base in /openapi.json', ({ base, tag, name, filters }) => {
  it('is generated from the route definitions: bodies, answers, parameters and errors', () => {
    const list = doc.paths[base].get;
    expect(list.tags).toEqual([tag]);
    expect(list.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(
      ['skip', 'limit', 'is_active', ...filters].map((q) => `query:${q}`),
    );
    expect(responseSchema(list, '200')).toEqual({
      type: 'object',
      properties: {
        items: { type: 'array', items: ref(name) },
        total: { type: 'integer' },
        skip: { type: 'integer' },
        limit: { type: 'integer' },
        has_more: { type: 'boolean' },
      },
      required: ['items', 'total', 'skip', 'limit', 'has_more'],
    });
    const create = doc.paths[base].post;
    expect(bodyRef(create)).toEqual(ref(`${name}Create`));
    expect(responseSchema(create, '201')).toEqual(ref(name));
    const item = doc.paths[`${base}/{id}`];
    expect(bodyRef(item.put)).toEqual(ref(`${name}Update`));
    expect(responseSchema(item.put, '200')).toEqual(ref(name));
    expect(responseSchema(item.get, '200')).toEqual(ref(name));
    expect(Object.keys(item.delete.responses)).toEqual(['204', '401', '403', '404', '422', '429', '503']);
    for (const operation of [list, create, item.get, item.put, item.delete]) {
      expect(responseSchema(operation, '422')).toEqual(ref('ValidationError'));
    }
    expect(Object.keys(create.responses)).toEqual(
      name === 'Storefront'
        ? ['201', '401', '403', '409', '422', '429', '503']
        : ['201', '401', '403', '404', '409', '422', '429', '503'],
    );
    const hasSecrets = name !== 'Storefront';
    expect(item.get.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name}`)).toEqual(
      hasSecrets ? ['path:id', 'query:decrypt'] : ['path:id'],
    );
  });

  it('has examples that fit its own schemas', () => {
    for (const schema of [name, `${name}Create`, `${name}Update`]) {
      expect(component(schema).example, schema).toBeDefined();
      expect(errorsOf(schema, component(schema).example), schema).toEqual([]);
    }
  });

  it('describes its answer strictly: a key it does not name, or a missing one, does not fit', () => {
    const { id, ...withoutId } = component(name).example!;
    expect(id).toBe(1);
    expect(fits(name, { ...component(name).example, password: 'x' })).toBe(false);
    expect(fits(name, withoutId)).toBe(false);
  });
});

/** One value per constraint of `schema` that the document says is invalid. */
function invalidValues(schema: JsonSchema): Array<[string, unknown]> {
  const types = [schema.type ?? []].flat();
  const values: Array<[string, unknown]> = [];
  if (schema.enum) values.push(['not in enum', '~not-listed~']);
  if (schema.minLength) values.push(['empty', '']);
  if (schema.maxLength !== undefined) values.push(['too long', '7'.repeat(schema.maxLength + 1)]);
  if (schema.pattern !== undefined) values.push(['pattern', '!']);
  if (schema.format === 'uri') values.push(['not a URI', 'not a url']);
  if (types.includes('integer')) values.push(['fraction', 1.5], ['not a number', 'x']);
  if (schema.exclusiveMinimum === 0) values.push(['zero', 0]);
  if (types.includes('boolean')) values.push(['not a boolean', 'yes']);
  if (types.includes('string') && !types.includes('null')) values.push(['null', null]);
  if (types.includes('object')) {
    values.push(['array', []]);
    if (schema.additionalProperties === false) values.push(['unknown key', { zzz_unknown: true }]);
    const item = schema.additionalProperties;
    if (typeof item === 'object' && item.type === 'string') values.push(['non-string value', { k: 1 }]);
    if (typeof item === 'object' && item.pattern !== undefined) values.push(['value pattern', { k: '!' }]);
  }
  return values;
}

interface Case {
  method: 'POST' | 'PUT';
  schema: string;
  path: () => string;
  base: () => Record<string, unknown>;
}

let storefrontId = 0;
let sgtmId = 0;
let credentialId = 0;
let metaId = 0;

describe('the admin API agrees with the document', () => {
  beforeAll(async () => {
    metaId = (await findPlatformByCode(t.database.db, 'meta_capi'))!.id;
  });

  it('accepts each documented example and answers with the documented schema; secrets only with ?decrypt=true', async () => {
    const storefront = await t.call('POST', '/admin/v1/storefronts', component('StorefrontCreate').example);
    expect(storefront.status).toBe(201);
    const s = await storefront.json();
    expect(errorsOf('Storefront', s)).toEqual([]);
    expect(s).toMatchObject(component('StorefrontCreate').example!);
    storefrontId = s.id;

    const sgtm = await t.call('POST', '/admin/v1/sgtm-configs', {
      ...component('SgtmConfigCreate').example,
      storefront_id: storefrontId,
    });
    expect(sgtm.status).toBe(201);
    const g = await sgtm.json();
    expect(errorsOf('SgtmConfig', g)).toEqual([]);
    expect([g.has_api_secret, 'api_secret' in g]).toEqual([true, false]);
    sgtmId = g.id;

    const credential = await t.call('POST', '/admin/v1/credentials', {
      ...component('CredentialCreate').example,
      storefront_id: storefrontId,
      platform_id: metaId,
    });
    expect(credential.status).toBe(201);
    const c = await credential.json();
    expect(errorsOf('Credential', c)).toEqual([]);
    expect('credentials' in c).toBe(false);
    credentialId = c.id;

    for (const [schema, path] of [
      ['Storefront', `/admin/v1/storefronts/${storefrontId}`],
      ['SgtmConfig', `/admin/v1/sgtm-configs/${sgtmId}`],
      ['Credential', `/admin/v1/credentials/${credentialId}`],
    ] as const) {
      const put = await t.call('PUT', path, component(`${schema}Update`).example);
      expect(put.status, path).toBe(200);
      expect(errorsOf(schema, await put.json()), path).toEqual([]);
    }

    const plain = await (await t.call('GET', `/admin/v1/credentials/${credentialId}`)).json();
    expect(errorsOf('Credential', plain)).toEqual([]);
    expect('credentials' in plain).toBe(false);
    const decrypted = await (
      await t.call('GET', `/admin/v1/credentials/${credentialId}?decrypt=true`)
    ).json();
    expect(errorsOf('Credential', decrypted)).toEqual([]);
    expect(decrypted.credentials).toEqual(component('CredentialUpdate').example!.credentials);
    const sgtmDecrypted = await (await t.call('GET', `/admin/v1/sgtm-configs/${sgtmId}?decrypt=true`)).json();
    expect(errorsOf('SgtmConfig', sgtmDecrypted)).toEqual([]);
    expect([sgtmDecrypted.api_secret, sgtmDecrypted.custom_headers]).toEqual(['ga4-api-secret', null]);

    for (const { base } of RESOURCES) {
      const page = await (await t.call('GET', base)).json();
      expect(page.total, base).toBe(1);
      const documented = ajv.compile(absolute(responseSchema(doc.paths[base].get, '200')));
      expect(documented(page) ? [] : documented.errors, base).toEqual([]);
    }
  });

  it('refuses the event aliases its description forbids, naming the alias (checked after the schema)', async () => {
    const path = `/admin/v1/storefronts/${storefrontId}`;
    const same = await t.call('PUT', path, {
      privacy_mode: 'health',
      event_aliases: { rx_issued: 'rx_issued' },
    });
    expect([same.status, await same.json()]).toEqual([
      422,
      {
        detail: [
          {
            loc: ['body', 'event_aliases', 'rx_issued'],
            msg: 'an alias must differ from the event name',
            type: 'value_error',
          },
        ],
      },
    ]);
    const chained = await t.call('PUT', path, { event_aliases: { rx_issued: 'step_2', step_2: 'step_3' } });
    expect(chained.status).toBe(422);
    expect((await chained.json()).detail).toEqual([
      {
        loc: ['body', 'event_aliases', 'rx_issued'],
        msg: "alias 'step_2' is itself aliased: aliases are applied once",
        type: 'value_error',
      },
    ]);
    expect((await (await t.call('GET', path)).json()).privacy_mode).toBe('standard');
  });

  const cases: Case[] = [
    {
      method: 'POST',
      schema: 'StorefrontCreate',
      path: () => '/admin/v1/storefronts',
      base: () => component('StorefrontCreate').example!,
    },
    {
      method: 'PUT',
      schema: 'StorefrontUpdate',
      path: () => `/admin/v1/storefronts/${storefrontId}`,
      base: () => ({}),
    },
    {
      method: 'POST',
      schema: 'SgtmConfigCreate',
      path: () => '/admin/v1/sgtm-configs',
      base: () => component('SgtmConfigCreate').example!,
    },
    {
      method: 'PUT',
      schema: 'SgtmConfigUpdate',
      path: () => `/admin/v1/sgtm-configs/${sgtmId}`,
      base: () => ({}),
    },
    {
      method: 'POST',
      schema: 'CredentialCreate',
      path: () => '/admin/v1/credentials',
      base: () => component('CredentialCreate').example!,
    },
    {
      method: 'PUT',
      schema: 'CredentialUpdate',
      path: () => `/admin/v1/credentials/${credentialId}`,
      base: () => ({}),
    },
  ];

  it.each(cases)(
    '$method $schema: every value the document calls invalid is a 422 naming that field',
    async ({ method, schema, path, base }) => {
      const { properties = {}, required = [] } = component(schema);
      const tried: string[] = [];
      for (const [field, fieldSchema] of Object.entries(properties)) {
        const variants = invalidValues(fieldSchema);
        if (required.includes(field)) variants.push(['missing', undefined]);
        for (const [what, value] of variants) {
          const body = { ...base(), [field]: value };
          if (value === undefined) delete body[field];
          expect(fits(schema, body), `${field} ${what}: the document should refuse it`).toBe(false);
          const res = await t.call(method, path(), body);
          expect(res.status, `${field} ${what}`).toBe(422);
          const locs = (await res.json()).detail.map((d: { loc: unknown[] }) => d.loc.slice(0, 2));
          expect(locs, `${field} ${what}`).toContainEqual(['body', field]);
          tried.push(`${field}:${what}`);
        }
      }
      expect(tried.length).toBeGreaterThan(5);
    },
  );
});

import { type RecordedRequest, openApiValidator, readSpecFile, testVendorSchema } from '@relay/testing';
import { adapter } from './index';

/** Adobe's own Edge Network Server API OpenAPI (Apache-2.0; see __fixtures__/SOURCE.md). */
const spec = readSpecFile(new URL('./__fixtures__/api-reference.yaml', import.meta.url));
const collect = openApiValidator(spec, '#/components/schemas/BatchV2Request');
const interact = openApiValidator(spec, '#/components/schemas/SingleEventRequest');
const validatorFor = (r: RecordedRequest) => (r.url.includes('/v2/interact') ? interact : collect);

for (const endpoint of ['collect', 'interact'])
  testVendorSchema(adapter, {
    schema: `Adobe's Edge Network OpenAPI (${endpoint === 'collect' ? 'BatchV2Request' : 'SingleEventRequest'})`,
    options: { endpoint },
    validatorFor,
    invalidBody: endpoint === 'collect' ? { events: 'none' } : { event: [] },
  });

import { openApiValidator, readSpecFile, testVendorSchema } from '@relay/testing';
import { adapter } from './index';

/** FullStory's own Swagger 2.0 spec (MIT; see __fixtures__/SOURCE.md): `POST /v2/events`. */
const validate = openApiValidator(
  readSpecFile(new URL('./__fixtures__/events.swagger.json', import.meta.url)),
  '#/definitions/fullstory.v2.events.CreateEventRequest',
);

testVendorSchema(adapter, {
  schema: "FullStory's Swagger spec (CreateEventRequest)",
  validatorFor: () => validate,
  invalidBody: { name: ['Order Completed'], properties: 'none' },
});

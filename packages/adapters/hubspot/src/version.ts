/** Package version, kept in step with package.json by the release script. */
export const VERSION = '0.0.0';

/** HubSpot Events API version of the send endpoints (`/events/v3/send`, `/events/v3/send/batch`). */
export const HUBSPOT_EVENTS_API_VERSION = 'v3';

import type { BuildResult, HttpRequest, MappedEvent, Outcome } from './adapter';

/**
 * The common shape of a batch platform's `buildRequests`: build each event's item, refuse the
 * events the platform would reject (with the outcome that says why), and send the rest in one
 * request. Platforms that reject a whole batch for one bad event need exactly this.
 *
 * `item` builds an event's payload; `refusal` returns an outcome for an event that must not be
 * sent (or `undefined`); `request` makes the request for the kept items (never called when every
 * event was refused). Event indexes and refusals are filled in.
 */
export function oneRequestForSendable<T>(
  events: ReadonlyArray<MappedEvent>,
  item: (mapped: MappedEvent, index: number) => T,
  refusal: (mapped: MappedEvent, item: T) => Outcome | undefined,
  request: (items: T[]) => Omit<HttpRequest, 'eventIndexes'>,
): BuildResult {
  const items: T[] = [];
  const eventIndexes: number[] = [];
  const outcomes: NonNullable<BuildResult['outcomes']> = [];
  events.forEach((mapped, index) => {
    const built = item(mapped, index);
    const refused = refusal(mapped, built);
    if (refused) {
      outcomes.push({ index, outcome: refused });
      return;
    }
    items.push(built);
    eventIndexes.push(index);
  });
  if (items.length === 0) return { requests: [], outcomes };
  return { requests: [{ ...request(items), eventIndexes }], outcomes };
}

/**
 * The common shape of a one-event-per-request platform's `buildRequests`: `requestOf` gives each
 * event's request, or the outcome that says why it is not sent. Event indexes are filled in.
 */
export function oneRequestPerEvent(
  events: ReadonlyArray<MappedEvent>,
  requestOf: (mapped: MappedEvent, index: number) => Omit<HttpRequest, 'eventIndexes'> | Outcome,
): BuildResult {
  const requests: HttpRequest[] = [];
  const outcomes: NonNullable<BuildResult['outcomes']> = [];
  events.forEach((mapped, index) => {
    const built = requestOf(mapped, index);
    if ('status' in built) outcomes.push({ index, outcome: built });
    else requests.push({ ...built, eventIndexes: [index] });
  });
  return { requests, outcomes };
}

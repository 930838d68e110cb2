import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../api';
import { Loading, Problem, StatusBadge } from '../components/bits';
import { when } from '../format';
import { Link, href, navigate, useLocation } from '../router';
import type { EventSummary } from '../types';

const FORM_FIELDS = ['storefront_id', 'event_name', 'order_id', 'status', 'from', 'to'] as const;
/** Filters set by links from the overview (shown, removable, not typed in). */
const LINK_FIELDS = ['platform_code', 'destination', 'delivery_status', 'delivery_from'] as const;

const toLocalInput = (iso: string | null) => (iso ? iso.slice(0, 16) : '');
const fromLocalInput = (v: string) => (v ? new Date(`${v}:00Z`).toISOString() : '');

/** Search events; the filters live in the URL, so every list is a link. */
export function Events() {
  const { query } = useLocation();
  const queryString = query.toString();
  const [items, setItems] = useState<EventSummary[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);

  const load = async (cursor?: string) => {
    setLoading(true);
    try {
      const q = new URLSearchParams(queryString);
      if (cursor) q.set('cursor', cursor);
      const page = await api<{ items: EventSummary[]; next_cursor: string | null }>(
        `/admin/v1/event-search?${q}`,
      );
      setItems((old) => (cursor ? [...old, ...page.items] : page.items));
      setNext(page.next_cursor);
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, String(e)));
    } finally {
      setLoading(false);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the URL's filters change
  useEffect(() => {
    void load();
  }, [queryString]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const values: Record<string, string> = {};
    for (const f of FORM_FIELDS) {
      const v = String(form.get(f) ?? '').trim();
      values[f] = f === 'from' || f === 'to' ? fromLocalInput(v) : v;
    }
    for (const f of LINK_FIELDS) values[f] = query.get(f) ?? '';
    navigate(href('/events', values));
  };
  const linked = LINK_FIELDS.filter((f) => query.get(f));

  return (
    <section aria-labelledby="events-title">
      <h1 id="events-title">Events</h1>
      <search aria-label="Search events">
        <form className="card filters" onSubmit={submit} aria-label="Search events" key={queryString}>
          <label>
            Storefront
            <input
              name="storefront_id"
              defaultValue={query.get('storefront_id') ?? ''}
              placeholder="bosley"
            />
          </label>
          <label>
            Event name
            <input
              name="event_name"
              defaultValue={query.get('event_name') ?? ''}
              placeholder="purchase_completed"
            />
          </label>
          <label>
            Order id
            <input name="order_id" defaultValue={query.get('order_id') ?? ''} />
          </label>
          <div className="field">
            <label htmlFor="ev-status">Status</label>
            <select id="ev-status" name="status" defaultValue={query.get('status') ?? ''}>
              <option value="">any</option>
              {['pending', 'routing', 'routed', 'suppressed'].map((s) => (
                <option key={s}>{s}</option>
              ))}
            </select>
          </div>
          <label>
            Received from (UTC)
            <input type="datetime-local" name="from" defaultValue={toLocalInput(query.get('from'))} />
          </label>
          <label>
            Received before (UTC)
            <input type="datetime-local" name="to" defaultValue={toLocalInput(query.get('to'))} />
          </label>
          <div className="actions">
            <button type="submit" className="primary">
              Search
            </button>
          </div>
        </form>
      </search>
      {linked.length > 0 && (
        <p className="chips">
          Only events with a delivery where{' '}
          {linked.map((f) => (
            <span key={f} className="chip">
              {f.replace('_', ' ')} = {f === 'delivery_from' ? when(query.get(f)) : query.get(f)}
            </span>
          ))}{' '}
          <Link
            to={href('/events', Object.fromEntries(FORM_FIELDS.map((f) => [f, query.get(f) ?? undefined])))}
          >
            remove
          </Link>
        </p>
      )}
      <Problem error={error} />
      {loading && items.length === 0 && <Loading what="events" />}
      {!loading && items.length === 0 && !error && <p className="muted">No event matches.</p>}
      {items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Received</th>
              <th scope="col">Storefront</th>
              <th scope="col">Name</th>
              <th scope="col">Order</th>
              <th scope="col">Status</th>
              <th scope="col">Deliveries</th>
            </tr>
          </thead>
          <tbody>
            {items.map((e) => (
              <tr key={e.id}>
                <td>
                  <Link to={`/events/${e.id}`}>#{e.id}</Link>
                </td>
                <td className="nowrap">{when(e.created_at)}</td>
                <td>{e.storefront_id ?? '—'}</td>
                <td>{e.event_name}</td>
                <td className="mono">{e.order_id}</td>
                <td>
                  <StatusBadge status={e.status} />
                </td>
                <td>
                  {e.deliveries.map((d) => (
                    <span
                      key={d.destination}
                      className="delivery-chip"
                      title={`${d.destination}, ${d.attempts} attempts`}
                    >
                      {d.platform_code} <StatusBadge status={d.status} />
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {next && (
        <button type="button" onClick={() => void load(next)} disabled={loading}>
          {loading ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}

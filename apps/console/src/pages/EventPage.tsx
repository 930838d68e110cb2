import { useState } from 'react';
import { api } from '../api';
import { Loading, Problem, RoleNote, StatusBadge } from '../components/bits';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { when } from '../format';
import { Link } from '../router';
import type { EventDetail } from '../types';
import { useApi } from '../use-api';
import { useRole } from '../use-role';

/** One event: its record, each delivery with every attempt and what went over the wire, and Replay. */
export function EventPage({ id }: { id: string }) {
  const { data, error, loading, reload } = useApi<EventDetail>(`/admin/v1/events/${id}`);
  const [confirm, setConfirm] = useState(false);
  const [notice, setNotice] = useState<string>();
  const role = useRole();
  const failed = data?.deliveries.filter((d) => d.status === 'failed').length ?? 0;
  return (
    <section aria-labelledby="event-title">
      <p>
        <Link to="/events">← Events</Link>
      </p>
      <div className="page-head">
        <h1 id="event-title">Event #{id}</h1>
        {data && role.can('replay') && (
          <button
            type="button"
            className="primary"
            disabled={failed === 0}
            onClick={() => setConfirm(true)}
            title={failed === 0 ? 'No failed delivery to replay' : undefined}
          >
            Replay {failed} failed {failed === 1 ? 'delivery' : 'deliveries'}
          </button>
        )}
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}{' '}
          <button type="button" onClick={reload}>
            Refresh
          </button>
        </p>
      )}
      {!role.can('replay') && <RoleNote>{`Replay ${role.needs('replay')}.`}</RoleNote>}
      <Problem error={error} />
      {!data && loading && <Loading what="the event" />}
      {data && (
        <>
          <dl className="record card">
            {(
              [
                ['Storefront', data.storefront_code ?? '—'],
                ['Event name', data.event_name],
                ['Order id', data.order_id],
                ['Event time', when(data.event_time)],
                ['Received', when(data.created_at)],
                ['Routed', when(data.routed_at)],
                ['Status', <StatusBadge key="s" status={data.status} />],
                ['Status reason', data.status_reason ?? '—'],
                ['Dedup key', data.dedup_key ?? '—'],
              ] as const
            ).map(([k, v]) => (
              <div key={k}>
                <dt>{k}</dt>
                <dd>{v}</dd>
              </div>
            ))}
          </dl>
          {data.redacted ? (
            <p className="card muted" data-testid="redacted">
              The record as received and the platform exchanges are hidden: they hold personal data, which the{' '}
              {role.role} role does not see.
            </p>
          ) : (
            <details className="card">
              <summary>The record as received</summary>
              <pre className="excerpt">{JSON.stringify(data.payload, null, 2)}</pre>
            </details>
          )}
          <h2>Deliveries</h2>
          {data.deliveries.length === 0 && <p className="muted">Not routed to any destination (yet).</p>}
          {data.deliveries.map((d) => (
            <article key={d.id} className="card delivery" aria-label={`Delivery to ${d.platform_code}`}>
              <h3>
                {d.platform_code} <span className="muted">{d.destination}</span>{' '}
                <StatusBadge status={d.status} />
              </h3>
              <p className="muted">
                {d.attempts} {d.attempts === 1 ? 'attempt' : 'attempts'}
                {d.platform_event_name && <> · sent as {d.platform_event_name}</>}
                {d.status === 'pending' && <> · next attempt {when(d.next_attempt_at)}</>}
              </p>
              {d.reason && <p className="reason">{d.reason}</p>}
              {d.attempt_log.length > 0 && (
                <table>
                  <thead>
                    <tr>
                      <th scope="col">#</th>
                      <th scope="col">Started</th>
                      <th scope="col" className="right">
                        ms
                      </th>
                      <th scope="col">HTTP</th>
                      <th scope="col">Outcome</th>
                      <th scope="col">Reason, request and response</th>
                    </tr>
                  </thead>
                  <tbody>
                    {d.attempt_log.map((a) => (
                      <tr key={`${a.attempt}-${a.started_at}`}>
                        <td>{a.attempt}</td>
                        <td className="nowrap">{when(a.started_at)}</td>
                        <td className="right">{a.duration_ms}</td>
                        <td>{a.status_code ?? '—'}</td>
                        <td>
                          <StatusBadge status={a.outcome} />
                        </td>
                        <td>
                          {a.reason && <div className="reason">{a.reason}</div>}
                          {a.url && (
                            <details>
                              <summary>
                                {a.method} <span className="mono">{a.url}</span>
                              </summary>
                              <h4>Request</h4>
                              <pre className="excerpt">{a.request_excerpt ?? '(none)'}</pre>
                              <h4>Response</h4>
                              <pre className="excerpt">{a.response_excerpt ?? '(none)'}</pre>
                            </details>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </article>
          ))}
        </>
      )}
      {confirm && (
        <ConfirmDialog
          title={`Replay event #${id}`}
          confirmLabel="Replay"
          onClose={() => setConfirm(false)}
          onConfirm={async () => {
            const r = await api<{ replayed: number }>(`/admin/v1/events/${id}/replay`, 'POST');
            setNotice(
              `${r.replayed} ${r.replayed === 1 ? 'delivery is' : 'deliveries are'} queued again; the worker sends them shortly.`,
            );
            reload();
          }}
        >
          <p>
            Its {failed} failed {failed === 1 ? 'delivery goes' : 'deliveries go'} back to the queue with a
            fresh retry budget and {failed === 1 ? 'is' : 'are'} sent again. The platforms may count the event
            twice if they received it the first time.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

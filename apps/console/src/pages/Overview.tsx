import { useMemo } from 'react';
import { Loading, Problem } from '../components/bits';
import { TimeChart } from '../components/TimeChart';
import { age, count, destinationLabel, when } from '../format';
import { Link, href, navigate, useLocation } from '../router';
import type { Stats } from '../types';
import { useApi } from '../use-api';

const WINDOWS = [
  ['hour', 'Last hour'],
  ['day', 'Last day'],
  ['week', 'Last week'],
] as const;

const COLORS = { delivered: '#1b7f3b', failed: '#c62828', retrying: '#b86e00', events: '#2456b3' };

/** Events in, deliveries per destination over the window, backlog, top failure reasons: one call. */
export function Overview() {
  const { query } = useLocation();
  const window = (query.get('window') ?? 'day') as Stats['window'];
  const { data, error, loading } = useApi<Stats>(`/admin/v1/stats/deliveries?window=${window}`);
  const totals = useMemo(
    () =>
      (data?.destinations ?? []).reduce(
        (a, d) => ({
          delivered: a.delivered + d.delivered,
          failed: a.failed + d.failed,
          retrying: a.retrying + d.retrying,
        }),
        { delivered: 0, failed: 0, retrying: 0 },
      ),
    [data],
  );
  const eventsChart = useMemo(
    () =>
      data
        ? [
            { label: 'events in', color: COLORS.events, values: data.events_series },
            ...(['delivered', 'failed', 'retrying'] as const).map((k) => ({
              label: k,
              color: COLORS[k],
              values: data.buckets.map((_, i) =>
                data.destinations.reduce((a, d) => a + (d.series[i]?.[k] ?? 0), 0),
              ),
            })),
          ]
        : [],
    [data],
  );
  return (
    <section aria-labelledby="overview-title">
      <div className="page-head">
        <h1 id="overview-title">Overview</h1>
        <fieldset className="segmented">
          <legend className="sr-only">Time window</legend>
          {WINDOWS.map(([value, label]) => (
            <button
              key={value}
              type="button"
              aria-pressed={window === value}
              onClick={() => navigate(href('/', { window: value }), true)}
            >
              {label}
            </button>
          ))}
        </fieldset>
      </div>
      <Problem error={error} />
      {!data && loading && <Loading what="statistics" />}
      {data && (
        <>
          <p className="muted">
            {when(data.from)} – {when(data.to)}, in buckets of {data.bucket_seconds / 60} minutes.
          </p>
          <div className="tiles">
            <Tile
              label="Events in"
              value={count(data.events_in)}
              to={href('/events', { from: data.from })}
              testId="events-in"
            />
            <Tile
              label="Delivered"
              value={count(totals.delivered)}
              tone="ok"
              to={href('/events', { delivery_status: 'delivered', delivery_from: data.from })}
              testId="delivered"
            />
            <Tile
              label="Failed"
              value={count(totals.failed)}
              tone="bad"
              to={href('/failures', { from: data.from })}
              testId="failed"
            />
            <Tile
              label="Retrying"
              value={count(totals.retrying)}
              tone="warn"
              to={href('/events', { delivery_status: 'retrying', delivery_from: data.from })}
              testId="retrying"
            />
            <Tile
              label="Backlog (due now)"
              value={`${count(data.backlog.waiting)} (${count(data.backlog.due)})`}
              to={href('/events', { delivery_status: 'pending' })}
              testId="backlog"
            />
            <Tile
              label="Oldest due delivery"
              value={age(data.backlog.oldest_due_age_seconds)}
              hint={data.backlog.oldest_due_at ? when(data.backlog.oldest_due_at) : undefined}
              testId="oldest-due"
            />
          </div>
          <h2>All destinations</h2>
          <div className="card">
            <TimeChart
              buckets={data.buckets}
              series={eventsChart}
              title="Events in and deliveries over time"
              legend
              height={180}
            />
          </div>

          <h2>Per destination</h2>
          {data.destinations.length === 0 && <p className="muted">No delivery attempt in this window.</p>}
          <div className="grid">
            {data.destinations.map((d) => (
              <article
                key={d.destination}
                className="card"
                aria-label={`${d.platform_code} ${d.destination}`}
              >
                <h3>
                  {d.platform_code}{' '}
                  <span className="muted">
                    · {d.storefront_id ?? 'no storefront'} · {destinationLabel(d.destination)}
                  </span>
                </h3>
                <dl className="numbers">
                  {(['delivered', 'failed', 'retrying'] as const).map((k) => (
                    <div key={k}>
                      <dt>{k}</dt>
                      <dd>
                        <Link
                          className={`num num-${k}`}
                          data-testid={`${d.destination}-${k}`}
                          to={href('/events', {
                            destination: d.destination,
                            delivery_status: k,
                            delivery_from: data.from,
                          })}
                        >
                          {count(d[k])}
                        </Link>
                      </dd>
                    </div>
                  ))}
                </dl>
                <TimeChart
                  buckets={data.buckets}
                  title={`${d.platform_code} deliveries over time`}
                  height={110}
                  series={(['delivered', 'failed', 'retrying'] as const).map((k) => ({
                    label: k,
                    color: COLORS[k],
                    values: d.series.map((s) => s[k]),
                  }))}
                />
              </article>
            ))}
          </div>

          <h2>Top failure reasons</h2>
          {data.top_failure_reasons.length === 0 ? (
            <p className="muted">No failed delivery in this window.</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">Platform</th>
                  <th scope="col">Reason</th>
                  <th scope="col" className="right">
                    Failed
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.top_failure_reasons.map((r) => (
                  <tr key={`${r.platform_code}:${r.reason}`}>
                    <td>{r.platform_code}</td>
                    <td className="reason">{r.reason || '(no reason)'}</td>
                    <td className="right">
                      <Link to={href('/failures', { platform_code: r.platform_code, from: data.from })}>
                        {count(r.count)}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}

function Tile({
  label,
  value,
  to,
  tone,
  hint,
  testId,
}: {
  label: string;
  value: string;
  to?: string;
  tone?: 'ok' | 'bad' | 'warn';
  hint?: string | undefined;
  testId: string;
}) {
  return (
    <div className={`tile ${tone ? `tile-${tone}` : ''}`}>
      <div className="tile-label">{label}</div>
      {to ? (
        <Link className="tile-value" to={to} data-testid={testId}>
          {value}
        </Link>
      ) : (
        <div className="tile-value" data-testid={testId}>
          {value}
        </div>
      )}
      {hint && <div className="tile-hint">{hint}</div>}
    </div>
  );
}

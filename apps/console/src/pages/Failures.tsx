import { useState } from 'react';
import { api } from '../api';
import { Loading, Problem, RoleNote } from '../components/bits';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { count, destinationLabel, when } from '../format';
import { Link, href, useLocation } from '../router';
import type { FailureGroup } from '../types';
import { useApi } from '../use-api';
import { useRole } from '../use-role';

/**
 * Whether replaying a group can deliver anything: an event refused as too old for the platform's
 * window (core's `event_too_old` refusal) only gets older, so its replay would be refused again.
 */
export const replayCanHelp = (reason: string) => !reason.startsWith('event_too_old:');

/** Failed deliveries grouped by destination and reason, each group replayable at once. */
export function Failures() {
  const { query } = useLocation();
  const filters = href('', {
    platform_code: query.get('platform_code'),
    storefront_id: query.get('storefront_id'),
    from: query.get('from'),
  });
  const { data, error, loading, reload } = useApi<{ items: FailureGroup[] }>(
    `/admin/v1/failure-groups${filters}`,
  );
  const [replay, setReplay] = useState<FailureGroup>();
  const role = useRole();
  const [notice, setNotice] = useState<string>();
  return (
    <section aria-labelledby="failures-title">
      <h1 id="failures-title">Failures</h1>
      {(query.get('platform_code') || query.get('from') || query.get('storefront_id')) && (
        <p className="chips">
          Filtered:{' '}
          {['platform_code', 'storefront_id', 'from'].map((f) =>
            query.get(f) ? (
              <span key={f} className="chip">
                {f.replace('_', ' ')} = {f === 'from' ? when(query.get(f)) : query.get(f)}
              </span>
            ) : null,
          )}{' '}
          <Link to="/failures">show all</Link>
        </p>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {!role.can('replay') && <RoleNote>{`Replaying a group ${role.needs('replay')}.`}</RoleNote>}
      <Problem error={error} />
      {!data && loading && <Loading what="failures" />}
      {data && data.items.length === 0 && <p className="muted">No failed delivery.</p>}
      {data && data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">Destination</th>
              <th scope="col">Reason</th>
              <th scope="col" className="right">
                Failed
              </th>
              <th scope="col">Between</th>
              <th scope="col">Example</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((g) => (
              <tr key={`${g.destination}:${g.reason}`}>
                <td>
                  <strong>{g.platform_code}</strong>
                  <div className="muted nowrap">
                    {g.storefront_id ?? '—'} · {destinationLabel(g.destination)}
                  </div>
                </td>
                <td className="reason">{g.reason || '(no reason)'}</td>
                <td className="right">
                  <Link to={href('/events', { destination: g.destination, delivery_status: 'failed' })}>
                    {count(g.count)}
                  </Link>
                </td>
                <td className="nowrap">
                  {when(g.first_failed_at)}
                  {g.last_failed_at !== g.first_failed_at && (
                    <>
                      <br />
                      {when(g.last_failed_at)}
                    </>
                  )}
                </td>
                <td>
                  <Link to={`/events/${g.sample_event_id}`}>#{g.sample_event_id}</Link>
                </td>
                <td>
                  {role.can('replay') && !replayCanHelp(g.reason) && (
                    <span className="muted">
                      Past the platform's window: a replay would be refused again.
                    </span>
                  )}
                  {role.can('replay') && replayCanHelp(g.reason) && (
                    <button
                      type="button"
                      onClick={() => setReplay(g)}
                      aria-label={`Replay ${g.count} failed deliveries to ${g.platform_code}`}
                    >
                      Replay {count(g.count)}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {replay && (
        <ConfirmDialog
          title={`Replay ${count(replay.count)} failed deliveries to ${replay.platform_code}`}
          confirmLabel="Replay the group"
          onClose={() => setReplay(undefined)}
          onConfirm={async () => {
            const r = await api<{ replayed: number }>('/admin/v1/failure-groups/replay', 'POST', {
              destination: replay.destination,
              reason: replay.reason,
            });
            setNotice(`${count(r.replayed)} deliveries to ${replay.platform_code} are queued again.`);
            reload();
          }}
        >
          <p>
            Every delivery to {destinationLabel(replay.destination)} that failed with “
            {replay.reason.slice(0, 160)}” goes back to the queue with a fresh retry budget. Fix the cause
            first (credential, mapping) or they fail again.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

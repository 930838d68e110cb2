import { Loading, Problem, RoleNote } from '../components/bits';
import { when } from '../format';
import type { AuditEntry } from '../types';
import { useApi } from '../use-api';
import { useRole } from '../use-role';

const show = (v: unknown) => (v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));

/** What changed between before and after: only the keys whose values differ. */
function changes(e: AuditEntry): Array<[string, unknown, unknown]> {
  const keys = new Set([...Object.keys(e.before ?? {}), ...Object.keys(e.after ?? {})]);
  return [...keys]
    .map((k) => [k, e.before?.[k], e.after?.[k]] as [string, unknown, unknown])
    .filter(([, b, a]) => JSON.stringify(b) !== JSON.stringify(a));
}

/** Admin changes, newest first. */
export function AuditLog() {
  const role = useRole();
  const { data, error, loading } = useApi<{ items: AuditEntry[]; next_cursor: string | null }>(
    role.can('audit') ? '/admin/v1/audit-log?limit=100' : null,
  );
  return (
    <section aria-labelledby="audit-title">
      <h1 id="audit-title">Audit log</h1>
      {!role.can('audit') && <RoleNote>{`The audit log ${role.needs('audit')}.`}</RoleNote>}
      <Problem error={error} />
      {!data && loading && <Loading what="the audit log" />}
      {data && data.items.length === 0 && <p className="muted">No change yet.</p>}
      {data && data.items.length > 0 && (
        <table>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Before → after</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((e) => (
              <tr key={e.id}>
                <td className="nowrap">{when(e.at)}</td>
                <td>{e.actor}</td>
                <td>
                  {e.action} {e.resource_type.replace('_', ' ')} {e.resource_id ?? ''}
                </td>
                <td>
                  <ul className="diff">
                    {changes(e).map(([k, b, a]) => (
                      <li key={k}>
                        <span className="mono">{k}</span>: <del>{show(b)}</del> → <ins>{show(a)}</ins>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

import type { PreviewResult } from '../types';
import { StatusBadge } from './bits';

/** Per record: the decision, what the policy removed or replaced, and the exact requests (secrets masked). */
export function PreviewResults({ results }: { results: PreviewResult[] }) {
  return (
    <div className="preview" data-testid="preview">
      {results.map((r) => (
        <article key={r.index} className="card" aria-label={`Preview of record ${r.index + 1}`}>
          <h4>
            Record {r.index + 1}: <StatusBadge status={r.decision} />
            {r.platform_event_name && <span className="muted"> sent as {r.platform_event_name}</span>}
          </h4>
          {r.reason && <p className="reason">{r.reason}</p>}
          <dl className="preview-fields">
            <div>
              <dt>Removed</dt>
              <dd data-testid="removed">{r.removed_fields.join(', ') || 'nothing'}</dd>
            </div>
            <div>
              <dt>Replaced</dt>
              <dd data-testid="replaced">{r.replaced_fields.join(', ') || 'nothing'}</dd>
            </div>
          </dl>
          {r.requests.map((q, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the requests of one answer never reorder
            <details key={i} open={i === 0}>
              <summary>
                {q.method} <span className="mono">{q.url}</span>
              </summary>
              <pre className="excerpt">{prettyBody(q.body)}</pre>
            </details>
          ))}
        </article>
      ))}
    </div>
  );
}

/** A JSON body indented; anything else as it is. */
function prettyBody(body: string | null): string {
  if (body === null) return '(no body)';
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

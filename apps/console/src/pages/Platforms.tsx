import { Loading, Problem } from '../components/bits';
import type { CatalogPlatform } from '../types';
import { useApi } from '../use-api';

/** The platform catalog: tier, status, API version and where the platform documents its API. */
export function Platforms() {
  const { data, error, loading } = useApi<{ items: CatalogPlatform[] }>('/admin/v1/platform-catalog');
  return (
    <section aria-labelledby="platforms-title">
      <h1 id="platforms-title">Platforms</h1>
      <Problem error={error} />
      {!data && loading && <Loading what="platforms" />}
      {data && (
        <table>
          <thead>
            <tr>
              <th scope="col">Tier</th>
              <th scope="col">Platform</th>
              <th scope="col">Code</th>
              <th scope="col">Category</th>
              <th scope="col">Auth</th>
              <th scope="col">API version</th>
              <th scope="col" className="right">
                Events / request
              </th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((p) => (
              <tr key={p.id}>
                <td>{p.tier}</td>
                <td>
                  {p.docs_url ? (
                    <a href={p.docs_url} target="_blank" rel="noreferrer noopener">
                      {p.name}
                      <span className="sr-only"> (documentation, opens a new tab)</span>
                    </a>
                  ) : (
                    p.name
                  )}
                </td>
                <td className="mono">{p.platform_code}</td>
                <td>{p.category}</td>
                <td>{p.auth_type}</td>
                <td>{p.api_version ?? '—'}</td>
                <td className="right">{p.max_events_per_request ?? '—'}</td>
                <td>
                  <span className={`badge badge-${p.status.replace(' ', '-')}`}>{p.status}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

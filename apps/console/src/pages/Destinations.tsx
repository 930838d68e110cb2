import { useState } from 'react';
import { Loading, Problem } from '../components/bits';
import { CredentialForm } from '../components/CredentialForm';
import { count } from '../format';
import type { CatalogPlatform, Tree, TreeCredential } from '../types';
import { useApi } from '../use-api';

/** Credentials and sGTM configs of every storefront, with a form generated from each platform's schema. */
export function Destinations() {
  const tree = useApi<Tree>('/admin/v1/kill-switches');
  const catalog = useApi<{ items: CatalogPlatform[] }>('/admin/v1/platform-catalog');
  const [form, setForm] = useState<{ storefrontId: number; credential: TreeCredential } | 'new'>();
  const [notice, setNotice] = useState<string>();
  const storefronts = tree.data?.storefronts ?? [];

  return (
    <section aria-labelledby="dest-title">
      <div className="page-head">
        <h1 id="dest-title">Destinations</h1>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setNotice(undefined);
            setForm('new');
          }}
          disabled={!catalog.data || storefronts.length === 0}
        >
          New credential
        </button>
      </div>
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <Problem error={tree.error ?? catalog.error} />
      {form && catalog.data && (
        <CredentialForm
          key={form === 'new' ? 'new' : form.credential.id}
          storefronts={storefronts}
          platforms={catalog.data.items}
          editing={form === 'new' ? undefined : form}
          onCancel={() => setForm(undefined)}
          onDone={(message) => {
            setForm(undefined);
            setNotice(message);
            tree.reload();
          }}
        />
      )}
      {!tree.data && tree.loading && <Loading what="destinations" />}
      {tree.data && (
        <table>
          <caption className="sr-only">Credentials and sGTM configs by storefront</caption>
          <thead>
            <tr>
              <th scope="col">Storefront</th>
              <th scope="col">Destination</th>
              <th scope="col">Sent</th>
              <th scope="col">Ids</th>
              <th scope="col">Endpoint</th>
              <th scope="col">State</th>
              <th scope="col" className="right">
                Waiting
              </th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {storefronts.flatMap((s) => [
              ...(s.sgtm
                ? [
                    <tr key={`sgtm-${s.sgtm.id}`}>
                      <td>{s.storefront_id}</td>
                      <td>Server-side GTM (sgtm config {s.sgtm.id})</td>
                      <td>{s.sgtm.client_type}</td>
                      <td>
                        {[s.sgtm.container_id, s.sgtm.measurement_id].filter(Boolean).join(' · ') || '—'}
                      </td>
                      <td className="mono">
                        {s.sgtm.sgtm_url}
                        {s.sgtm.custom_endpoint_path ?? ''}
                      </td>
                      <td>
                        <span className={s.sgtm.is_active ? 'state-on' : 'state-off'}>
                          {s.sgtm.is_active ? 'On' : 'Off'}
                        </span>
                        {s.sgtm.has_api_secret && <span className="muted"> · API secret stored</span>}
                      </td>
                      <td className="right">{count(s.sgtm.waiting)}</td>
                      <td />
                    </tr>,
                  ]
                : []),
              ...s.credentials.map((c) => (
                <tr key={`cred-${c.id}`}>
                  <td>{s.storefront_id}</td>
                  <td>
                    {c.platform_name} <span className="muted">(credential {c.id})</span>
                  </td>
                  <td>{c.destination_type}</td>
                  <td>{[c.pixel_id, c.account_id].filter(Boolean).join(' · ') || '—'}</td>
                  <td className="mono">{c.base_url ?? 'platform default'}</td>
                  <td>
                    <span className={c.is_active ? 'state-on' : 'state-off'}>
                      {c.is_active ? 'On' : 'Off'}
                    </span>
                  </td>
                  <td className="right">{count(c.waiting)}</td>
                  <td>
                    <button
                      type="button"
                      disabled={!catalog.data}
                      onClick={() => {
                        setNotice(undefined);
                        setForm({ storefrontId: s.id, credential: c });
                      }}
                      aria-label={`Edit ${c.platform_name} credential of ${s.storefront_id}`}
                    >
                      Edit
                    </button>
                  </td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      )}
      <p className="muted">
        Secrets are write-only: the console never asks for them back. sGTM configs are edited through
        <code> PUT /admin/v1/sgtm-configs/&#123;id&#125;</code>.
      </p>
    </section>
  );
}

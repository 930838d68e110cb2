import { useState } from 'react';
import { Loading, Problem, RoleNote } from '../components/bits';
import { CredentialForm } from '../components/CredentialForm';
import { PolicyPanel, type PolicyTarget } from '../components/PolicyPanel';
import { SgtmForm } from '../components/SgtmForm';
import { count, when } from '../format';
import type { CatalogPlatform, Tree, TreeCredential, TreeSgtm, TreeStorefront } from '../types';
import { useApi } from '../use-api';
import { useRole } from '../use-role';

/** What opens under the page's head: one form or panel at a time. */
type Panel =
  | { kind: 'credential'; editing?: { storefrontId: number; credential: TreeCredential } }
  | { kind: 'sgtm'; editing?: { storefront: TreeStorefront; sgtm: TreeSgtm } }
  | { kind: 'policy'; target: PolicyTarget };

const panelKey = (p: Panel) =>
  p.kind === 'policy'
    ? `policy-${p.target.resource}-${p.target.id}`
    : p.kind === 'credential'
      ? `cred-${p.editing?.credential.id ?? 'new'}`
      : `sgtm-${p.editing?.sgtm.id ?? 'new'}`;

/**
 * Credentials and sGTM configs of every storefront: paused credentials with how to resume them,
 * create / edit forms (credential fields generated from each platform's schema, secrets
 * write-only) for admins, and each destination's health-mode policy with a preview.
 */
export function Destinations() {
  const tree = useApi<Tree>('/admin/v1/kill-switches');
  const role = useRole();
  const admin = role.can('configure');
  // Only the forms need the catalog: a viewer's or operator's page waits on one call.
  const catalog = useApi<{ items: CatalogPlatform[] }>(admin ? '/admin/v1/platform-catalog' : null);
  const [panel, setPanel] = useState<Panel>();
  const [notice, setNotice] = useState<string>();
  const storefronts = tree.data?.storefronts ?? [];
  const paused = storefronts.flatMap((s) =>
    s.credentials.filter((c) => c.paused_at).map((c) => ({ storefront: s, credential: c })),
  );
  const open = (next: Panel) => {
    setNotice(undefined);
    setPanel(next);
  };
  const done = (message: string) => {
    setPanel(undefined);
    setNotice(message);
    tree.reload();
  };
  const editCredential = (s: TreeStorefront, c: TreeCredential) =>
    open({ kind: 'credential', editing: { storefrontId: s.id, credential: c } });
  const policy = (target: PolicyTarget) => open({ kind: 'policy', target });

  return (
    <section aria-labelledby="dest-title">
      <div className="page-head">
        <h1 id="dest-title">Destinations</h1>
        {admin && (
          <div className="actions">
            <button
              type="button"
              onClick={() => open({ kind: 'sgtm' })}
              disabled={storefronts.every((s) => s.sgtm !== null)}
              title={
                storefronts.length > 0 && storefronts.every((s) => s.sgtm !== null)
                  ? 'Every storefront has its sGTM config'
                  : undefined
              }
            >
              New sGTM config
            </button>
            <button
              type="button"
              className="primary"
              onClick={() => open({ kind: 'credential' })}
              disabled={!catalog.data || storefronts.length === 0}
            >
              New credential
            </button>
          </div>
        )}
      </div>
      {!admin && (
        <RoleNote>{`Creating and editing credentials, sGTM configs and policies ${role.needs('configure')}.`}</RoleNote>
      )}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      <Problem error={tree.error ?? catalog.error} />
      {paused.map(({ storefront: s, credential: c }) => (
        <section
          key={c.id}
          className="paused-card"
          aria-label={`${c.platform_name} of ${s.storefront_id} is paused`}
        >
          <p className="paused-line">
            <strong>
              {c.platform_name} of {s.storefront_id} is paused
            </strong>{' '}
            <span className="muted">since {when(c.paused_at)}</span>: the platform refused the credential (
            {c.pause_reason}).
          </p>
          <p className="paused-line">
            {count(c.paused)} {c.paused === 1 ? 'delivery waits' : 'deliveries wait'}, nothing is lost. Fix
            the credential (a new token, the right account) and save it: saving resumes them.
          </p>
          {admin ? (
            <button
              type="button"
              className="primary"
              onClick={() => editCredential(s, c)}
              disabled={!catalog.data}
            >
              Fix {c.platform_name} credential of {s.storefront_id}
            </button>
          ) : (
            <p className="role-note">Fixing it {role.needs('configure')}: ask an admin.</p>
          )}
        </section>
      ))}
      {panel?.kind === 'credential' && catalog.data && (
        <CredentialForm
          key={panelKey(panel)}
          storefronts={storefronts}
          platforms={catalog.data.items}
          editing={panel.editing}
          onCancel={() => setPanel(undefined)}
          onDone={done}
        />
      )}
      {panel?.kind === 'sgtm' && (
        <SgtmForm
          key={panelKey(panel)}
          storefronts={storefronts}
          editing={panel.editing}
          onCancel={() => setPanel(undefined)}
          onDone={done}
        />
      )}
      {panel?.kind === 'policy' && (
        <PolicyPanel
          key={panelKey(panel)}
          target={panel.target}
          onSaved={() => tree.reload()}
          onClose={() => setPanel(undefined)}
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
                      <td>
                        {s.storefront_id}
                        <ModeTag storefront={s} />
                      </td>
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
                      <td className="row-actions">
                        <button
                          type="button"
                          onClick={() =>
                            policy({
                              resource: 'sgtm-configs',
                              id: s.sgtm!.id,
                              label: `sGTM of ${s.storefront_id}`,
                              storefront: s,
                              privacy: s.sgtm!.privacy,
                            })
                          }
                          aria-label={`Policy of the sGTM config of ${s.storefront_id}`}
                        >
                          Policy
                        </button>
                        {admin && (
                          <button
                            type="button"
                            onClick={() => open({ kind: 'sgtm', editing: { storefront: s, sgtm: s.sgtm! } })}
                            aria-label={`Edit the sGTM config of ${s.storefront_id}`}
                          >
                            Edit
                          </button>
                        )}
                      </td>
                    </tr>,
                  ]
                : []),
              ...s.credentials.map((c) => (
                <tr key={`cred-${c.id}`} className={c.paused_at ? 'row-paused' : undefined}>
                  <td>
                    {s.storefront_id}
                    <ModeTag storefront={s} />
                  </td>
                  <td>
                    {c.platform_name} <span className="muted">(credential {c.id})</span>
                  </td>
                  <td>{c.destination_type}</td>
                  <td>{[c.pixel_id, c.account_id].filter(Boolean).join(' · ') || '—'}</td>
                  <td className="mono">{c.base_url ?? 'platform default'}</td>
                  <td>
                    {c.paused_at ? (
                      <span className="state-paused" title={c.pause_reason ?? undefined}>
                        Paused
                      </span>
                    ) : (
                      <span className={c.is_active ? 'state-on' : 'state-off'}>
                        {c.is_active ? 'On' : 'Off'}
                      </span>
                    )}
                  </td>
                  <td className="right">
                    {count(c.waiting)}
                    {c.paused > 0 && <div className="muted nowrap">{count(c.paused)} held</div>}
                  </td>
                  <td className="row-actions">
                    <button
                      type="button"
                      onClick={() =>
                        policy({
                          resource: 'credentials',
                          id: c.id,
                          label: `${c.platform_name} of ${s.storefront_id}`,
                          storefront: s,
                          privacy: c.privacy,
                        })
                      }
                      aria-label={`Policy of ${c.platform_name} credential of ${s.storefront_id}`}
                    >
                      Policy
                    </button>
                    {admin && (
                      <button
                        type="button"
                        disabled={!catalog.data}
                        onClick={() => editCredential(s, c)}
                        aria-label={`Edit ${c.platform_name} credential of ${s.storefront_id}`}
                      >
                        Edit
                      </button>
                    )}
                  </td>
                </tr>
              )),
            ])}
          </tbody>
        </table>
      )}
      <p className="muted">
        Secrets are write-only: the console never asks for them back. A policy applies only while its
        storefront is in health mode (docs/privacy.md).
      </p>
    </section>
  );
}

function ModeTag({ storefront }: { storefront: TreeStorefront }) {
  return storefront.privacy_mode === 'health' ? <span className="tag">health mode</span> : null;
}

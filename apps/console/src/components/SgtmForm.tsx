import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api';
import type { TreeSgtm, TreeStorefront } from '../types';

/**
 * Create or edit a storefront's sGTM config. The API secret and custom headers are write-only:
 * the console only knows whether they are stored; an edit leaves them alone unless something is
 * typed in (or "remove" is ticked).
 */
export function SgtmForm({
  storefronts,
  editing,
  onDone,
  onCancel,
}: {
  storefronts: TreeStorefront[];
  editing?: { storefront: TreeStorefront; sgtm: TreeSgtm } | undefined;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const free = storefronts.filter((s) => !s.sgtm);
  const e = editing?.sgtm;
  const [storefrontId, setStorefrontId] = useState(String(editing?.storefront.id ?? free[0]?.id ?? ''));
  const [url, setUrl] = useState(e?.sgtm_url ?? '');
  const [clientType, setClientType] = useState(e?.client_type ?? 'ga4');
  const [containerId, setContainerId] = useState(e?.container_id ?? '');
  const [measurementId, setMeasurementId] = useState(e?.measurement_id ?? '');
  const [path, setPath] = useState(e?.custom_endpoint_path ?? '');
  const [secret, setSecret] = useState('');
  const [removeSecret, setRemoveSecret] = useState(false);
  const [headers, setHeaders] = useState('');
  const [removeHeaders, setRemoveHeaders] = useState(false);
  const [active, setActive] = useState(e?.is_active ?? true);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (ev: FormEvent) => {
    ev.preventDefault();
    setError(undefined);
    let customHeaders: Record<string, string> | null | undefined;
    if (headers.trim() !== '') {
      try {
        customHeaders = JSON.parse(headers) as Record<string, string>;
      } catch {
        setProblems({ custom_headers: 'not valid JSON: {"Header-Name": "value"}' });
        return;
      }
    } else if (removeHeaders) customHeaders = null;
    const body = {
      ...(!editing && { storefront_id: Number(storefrontId) }),
      sgtm_url: url.trim(),
      client_type: clientType,
      container_id: containerId.trim() || null,
      measurement_id: measurementId.trim() || null,
      custom_endpoint_path: path.trim() || null,
      ...(secret !== '' ? { api_secret: secret } : removeSecret ? { api_secret: null } : {}),
      ...(customHeaders !== undefined && { custom_headers: customHeaders }),
      is_active: active,
    };
    setBusy(true);
    try {
      const saved = editing
        ? await api<{ id: number }>(`/admin/v1/sgtm-configs/${editing.sgtm.id}`, 'PUT', body)
        : await api<{ id: number }>('/admin/v1/sgtm-configs', 'POST', body);
      onDone(`${editing ? 'Saved' : 'Created'} sGTM config ${saved.id}.`);
    } catch (err) {
      if (err instanceof ApiError) {
        setProblems(err.fields);
        setError(err.message);
      } else setError(String(err));
      setBusy(false);
    }
  };

  const fieldError = (name: string) =>
    problems[name] ? (
      <span className="field-error" id={`sg-err-${name}`}>
        {problems[name]}
      </span>
    ) : null;
  const describedBy = (name: string) => (problems[name] ? `sg-err-${name}` : undefined);

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="sgtm-form-title" noValidate>
      <h2 id="sgtm-form-title">{editing ? `Edit sGTM config ${editing.sgtm.id}` : 'New sGTM config'}</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor="sg-storefront">Storefront</label>
          <select
            id="sg-storefront"
            value={storefrontId}
            onChange={(x) => setStorefrontId(x.target.value)}
            disabled={!!editing}
          >
            {(editing ? [editing.storefront] : free).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.storefront_id})
              </option>
            ))}
          </select>
        </div>
        <label>
          Container URL
          <input
            type="url"
            value={url}
            onChange={(x) => setUrl(x.target.value)}
            placeholder="https://sgtm.example.com"
            aria-describedby={describedBy('sgtm_url')}
          />
          {fieldError('sgtm_url')}
        </label>
        <div className="field">
          <label htmlFor="sg-client">Client</label>
          <select id="sg-client" value={clientType} onChange={(x) => setClientType(x.target.value)}>
            <option value="ga4">GA4 client (Measurement Protocol)</option>
            <option value="custom">custom client (JSON to a path)</option>
          </select>
        </div>
        <label>
          Measurement id{' '}
          <span className="muted">
            {clientType === 'ga4' ? '(required for the GA4 client)' : '(optional)'}
          </span>
          <input
            value={measurementId}
            onChange={(x) => setMeasurementId(x.target.value)}
            aria-describedby={describedBy('measurement_id')}
          />
          {fieldError('measurement_id')}
        </label>
        <label>
          Container id <span className="muted">(optional)</span>
          <input value={containerId} onChange={(x) => setContainerId(x.target.value)} />
        </label>
        <label>
          Custom endpoint path <span className="muted">(optional, starts with /)</span>
          <input
            value={path}
            onChange={(x) => setPath(x.target.value)}
            placeholder="/collect"
            aria-describedby={describedBy('custom_endpoint_path')}
          />
          {fieldError('custom_endpoint_path')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={active} onChange={(x) => setActive(x.target.checked)} /> Sending
          (kill switch on)
        </label>
      </div>
      <fieldset className="credentials">
        <legend>Secrets (write-only, never shown again)</legend>
        <div className="form-grid">
          <div className="field">
            <label htmlFor="sg-secret">
              API secret{' '}
              <span className="muted">
                {e?.has_api_secret ? '(stored; leave empty to keep it)' : '(optional; none stored)'}
              </span>
            </label>
            <input
              id="sg-secret"
              name="api_secret"
              type="password"
              autoComplete="new-password"
              value={secret}
              onChange={(x) => setSecret(x.target.value)}
              aria-describedby={describedBy('api_secret')}
            />
            {fieldError('api_secret')}
            {e?.has_api_secret && (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={removeSecret}
                  onChange={(x) => setRemoveSecret(x.target.checked)}
                />{' '}
                Remove the stored API secret
              </label>
            )}
          </div>
          <div className="field">
            <label htmlFor="sg-headers">
              Custom headers{' '}
              <span className="muted">
                {e?.has_custom_headers ? '(stored; leave empty to keep them)' : '(optional JSON object)'}
              </span>
            </label>
            <textarea
              id="sg-headers"
              name="custom_headers"
              rows={2}
              value={headers}
              placeholder='{"X-Gtm-Server-Preview": "…"}'
              onChange={(x) => setHeaders(x.target.value)}
              aria-describedby={describedBy('custom_headers')}
            />
            {fieldError('custom_headers')}
            {e?.has_custom_headers && (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={removeHeaders}
                  onChange={(x) => setRemoveHeaders(x.target.checked)}
                />{' '}
                Remove the stored custom headers
              </label>
            )}
          </div>
        </div>
      </fieldset>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy || storefrontId === ''}>
          {busy ? 'Saving…' : editing ? 'Save sGTM config' : 'Create sGTM config'}
        </button>
      </div>
    </form>
  );
}

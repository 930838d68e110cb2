import { type FormEvent, type ReactNode, useMemo, useState } from 'react';
import { ApiError, api } from '../api';
import { when } from '../format';
import type { CatalogPlatform, JsonSchema, TreeCredential, TreeStorefront } from '../types';

type Kind = 'text' | 'secret' | 'number' | 'boolean' | 'choice' | 'json';

export interface FieldSpec {
  name: string;
  label: string;
  kind: Kind;
  required: boolean;
  choices: string[];
  hint: string;
  placeholder: string;
}

const typeOf = (s: JsonSchema): string | undefined =>
  Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : (s.type ?? s.anyOf?.map(typeOf).find(Boolean));

/** The form's fields, read from a platform's `credential_schema` (JSON Schema) and secret fields. */
export function fieldsOf(schema: JsonSchema | null, secretFields: string[]): FieldSpec[] {
  const required = new Set(schema?.required ?? []);
  return Object.entries(schema?.properties ?? {}).map(([name, s]) => {
    const type = typeOf(s);
    const kind: Kind = secretFields.includes(name)
      ? 'secret'
      : s.enum
        ? 'choice'
        : type === 'number' || type === 'integer'
          ? 'number'
          : type === 'boolean'
            ? 'boolean'
            : type === 'object' || type === 'array'
              ? 'json'
              : 'text';
    const rules = [
      s.description,
      (s as { pattern?: string }).pattern && `format: ${(s as { pattern?: string }).pattern}`,
      (s as { minLength?: number }).minLength &&
        `at least ${(s as { minLength?: number }).minLength} characters`,
      kind === 'json' && 'JSON',
      kind === 'secret' && 'secret: write-only, never shown again',
    ].filter(Boolean);
    return {
      name,
      label: s.title ?? name.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase()),
      kind,
      required: required.has(name),
      choices: (s.enum ?? []).map(String),
      hint: rules.join(' · '),
      placeholder:
        s.default === undefined
          ? ''
          : String(typeof s.default === 'object' ? JSON.stringify(s.default) : s.default),
    };
  });
}

/** Turn the form's strings into the credentials object; `undefined` when every field is empty. */
export function credentialsFrom(fields: FieldSpec[], values: Record<string, string | boolean>) {
  const out: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  for (const f of fields) {
    const v = values[f.name];
    if (f.kind === 'boolean') {
      if (v === true) out[f.name] = true;
      continue;
    }
    if (typeof v !== 'string' || v.trim() === '') continue;
    if (f.kind === 'number') out[f.name] = Number(v);
    else if (f.kind === 'json') {
      try {
        out[f.name] = JSON.parse(v);
      } catch {
        problems[`credentials.${f.name}`] = 'not valid JSON';
      }
    } else out[f.name] = f.kind === 'secret' ? v : v.trim();
  }
  return { credentials: Object.keys(out).length > 0 ? out : undefined, problems };
}

/**
 * Row columns (labels in lists and the audit log) that some platforms' credentials also hold,
 * under their own names (TikTok's `pixel_code`, Pinterest's `ad_account_id`…).
 */
const LABEL_SOURCES = {
  pixel_id: ['pixel_id', 'pixel_code'],
  account_id: ['account_id', 'ad_account_id', 'advertiser_id', 'customer_account_id'],
} as const;
type LabelColumn = keyof typeof LABEL_SOURCES;
const LABEL_COLUMNS = Object.keys(LABEL_SOURCES) as LabelColumn[];

/** The credential field that holds this label on the platform, if one does. */
export const labelField = (fields: FieldSpec[], column: LabelColumn): string | undefined =>
  LABEL_SOURCES[column].find((name) => fields.some((f) => f.name === name));

/**
 * The label columns to send. When the platform's credentials have a field for one, the form asks
 * once (in the credentials) and the column mirrors it; with that field left empty on an edit the
 * stored label is kept (the column is not sent). Other platforms get the form's own optional
 * inputs.
 */
export function labelColumns(
  fields: FieldSpec[],
  credentials: Record<string, unknown> | undefined,
  own: Record<LabelColumn, string>,
  editing: boolean,
): Partial<Record<LabelColumn, string | null>> {
  const out: Partial<Record<LabelColumn, string | null>> = {};
  for (const column of LABEL_COLUMNS) {
    const field = labelField(fields, column);
    if (field === undefined) {
      out[column] = own[column].trim() || null;
      continue;
    }
    const typed = credentials?.[field];
    if (typed !== undefined && typed !== null && String(typed) !== '') out[column] = String(typed);
    else if (!editing) out[column] = null;
  }
  return out;
}

/**
 * Create or edit a credential. The credential fields come from the platform's schema; stored
 * secrets are never read back, so an edit sends credentials only when some are typed in (then
 * they replace the stored ones whole).
 */
export function CredentialForm({
  storefronts,
  platforms,
  editing,
  onDone,
  onCancel,
}: {
  storefronts: TreeStorefront[];
  platforms: CatalogPlatform[];
  editing?: { storefrontId: number; credential: TreeCredential } | undefined;
  onDone: (message: string) => void;
  onCancel: () => void;
}) {
  const usable = platforms.filter((p) => p.has_adapter);
  const [storefrontId, setStorefrontId] = useState(String(editing?.storefrontId ?? storefronts[0]?.id ?? ''));
  const [platformId, setPlatformId] = useState(String(editing?.credential.platform_id ?? ''));
  const [type, setType] = useState(editing?.credential.destination_type ?? 'direct');
  const [pixelId, setPixelId] = useState(editing?.credential.pixel_id ?? '');
  const [accountId, setAccountId] = useState(editing?.credential.account_id ?? '');
  const [baseUrl, setBaseUrl] = useState(editing?.credential.base_url ?? '');
  const [tokenUrl, setTokenUrl] = useState(editing?.credential.token_url ?? '');
  const [active, setActive] = useState(editing?.credential.is_active ?? true);
  const [values, setValues] = useState<Record<string, string | boolean>>({});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const platform = usable.find((p) => String(p.id) === platformId);
  /** OAuth platforms fetch their access token from a token endpoint, which `token_url` may move. */
  const oauth = platform?.auth_type.startsWith('oauth') ?? false;
  const paused = editing?.credential.paused_at ? editing.credential : undefined;
  const fields = useMemo(
    () => fieldsOf(platform?.credential_schema ?? null, platform?.secret_fields ?? []),
    [platform],
  );

  /** The platform's credentials hold this label: the form asks for it there, once. */
  const asksInCredentials = (column: LabelColumn) => labelField(fields, column) !== undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    const { credentials, problems: local } = credentialsFrom(fields, values);
    if (!editing && !credentials) local.credentials = 'fill in the credentials';
    if (Object.keys(local).length > 0) {
      setProblems(local);
      return;
    }
    const body = {
      ...(!editing && { storefront_id: Number(storefrontId), platform_id: Number(platformId) }),
      ...(credentials && { credentials }),
      destination_type: type,
      ...labelColumns(fields, credentials, { pixel_id: pixelId, account_id: accountId }, !!editing),
      base_url: baseUrl.trim() || null,
      ...((oauth || tokenUrl.trim() !== '') && { token_url: tokenUrl.trim() || null }),
      is_active: active,
    };
    setBusy(true);
    try {
      const saved = editing
        ? await api<{ id: number }>(`/admin/v1/credentials/${editing.credential.id}`, 'PUT', body)
        : await api<{ id: number }>('/admin/v1/credentials', 'POST', body);
      onDone(
        `${editing ? 'Saved' : 'Created'} credential ${saved.id} for ${platform?.name ?? 'the platform'}.`,
      );
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
      <span className="field-error" id={`err-${name}`}>
        {problems[name]}
      </span>
    ) : null;
  const describedBy = (name: string, hint?: boolean) =>
    [problems[name] ? `err-${name}` : '', hint ? `hint-${name}` : ''].filter(Boolean).join(' ') || undefined;

  return (
    <form className="card form" onSubmit={submit} aria-labelledby="cred-form-title" noValidate>
      <h2 id="cred-form-title">{editing ? `Edit credential ${editing.credential.id}` : 'New credential'}</h2>
      {paused && (
        <p className="paused-note" data-testid="form-paused">
          <strong>Paused since {when(paused.paused_at)}:</strong> {paused.pause_reason}. Type the fixed
          credentials below and save: saving resumes the {paused.paused} held{' '}
          {paused.paused === 1 ? 'delivery' : 'deliveries'}.
        </p>
      )}
      <div className="form-grid">
        <div className="field">
          <label htmlFor="cf-storefront">Storefront</label>
          <select
            id="cf-storefront"
            value={storefrontId}
            onChange={(e) => setStorefrontId(e.target.value)}
            disabled={!!editing}
            required
          >
            {storefronts.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.storefront_id})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cf-platform">Platform</label>
          <select
            id="cf-platform"
            value={platformId}
            onChange={(e) => {
              setPlatformId(e.target.value);
              setValues({});
              setProblems({});
            }}
            disabled={!!editing}
            required
          >
            <option value="">Choose a platform…</option>
            {usable.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} (tier {p.tier})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="cf-type">Sent</label>
          <select id="cf-type" value={type} onChange={(e) => setType(e.target.value)}>
            <option value="direct">direct to the platform</option>
            <option value="sgtm">through the storefront's sGTM</option>
          </select>
        </div>
        {!asksInCredentials('pixel_id') && (
          <label>
            Pixel id <span className="muted">(optional)</span>
            <input
              value={pixelId}
              onChange={(e) => setPixelId(e.target.value)}
              aria-describedby={describedBy('pixel_id')}
            />
            {fieldError('pixel_id')}
          </label>
        )}
        {!asksInCredentials('account_id') && (
          <label>
            Account id <span className="muted">(optional)</span>
            <input value={accountId} onChange={(e) => setAccountId(e.target.value)} />
          </label>
        )}
        <label>
          Endpoint override <span className="muted">(optional: sandbox or simulator URL)</span>
          <input
            type="url"
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.target.value)}
            aria-describedby={describedBy('base_url')}
          />
          {fieldError('base_url')}
        </label>
        {oauth && (
          <label>
            Token URL <span className="muted">(optional: OAuth token endpoint, if not the platform's)</span>
            <input
              type="url"
              name="token_url"
              value={tokenUrl}
              onChange={(e) => setTokenUrl(e.target.value)}
              aria-describedby={describedBy('token_url')}
            />
            {fieldError('token_url')}
          </label>
        )}
        <label className="checkbox">
          <input type="checkbox" checked={active} onChange={(e) => setActive(e.target.checked)} /> Sending
          (kill switch on)
        </label>
      </div>
      {platform && (
        <fieldset className="credentials">
          <legend>{platform.name} credentials</legend>
          {editing && (
            <p className="muted">
              Stored credentials are never shown. Leave every field empty to keep them; fill them in to
              replace them whole.
            </p>
          )}
          {fieldError('credentials')}
          {fields.map((f) => {
            const name = `credentials.${f.name}`;
            const value = values[f.name];
            const set = (v: string | boolean) => setValues((old) => ({ ...old, [f.name]: v }));
            return (
              <FieldBox key={f.name} id={`cf-${f.name}`} boolean={f.kind === 'boolean'}>
                {f.kind === 'boolean' ? (
                  <label className="checkbox">
                    <input
                      type="checkbox"
                      name={name}
                      checked={value === true}
                      onChange={(e) => set(e.target.checked)}
                    />{' '}
                    {f.label}
                  </label>
                ) : (
                  <>
                    <label htmlFor={`cf-${f.name}`}>
                      {f.label}
                      {f.required && !editing ? (
                        <span aria-hidden="true"> *</span>
                      ) : (
                        <span className="muted"> (optional)</span>
                      )}
                    </label>
                    {f.kind === 'choice' ? (
                      <select
                        id={`cf-${f.name}`}
                        name={name}
                        value={typeof value === 'string' ? value : ''}
                        onChange={(e) => set(e.target.value)}
                      >
                        <option value="">{f.placeholder ? `default (${f.placeholder})` : '—'}</option>
                        {f.choices.map((c) => (
                          <option key={c}>{c}</option>
                        ))}
                      </select>
                    ) : f.kind === 'json' ? (
                      <textarea
                        id={`cf-${f.name}`}
                        name={name}
                        rows={3}
                        value={typeof value === 'string' ? value : ''}
                        placeholder={f.placeholder || '{ }'}
                        onChange={(e) => set(e.target.value)}
                        aria-describedby={describedBy(name, true)}
                      />
                    ) : (
                      <input
                        id={`cf-${f.name}`}
                        name={name}
                        type={f.kind === 'secret' ? 'password' : f.kind === 'number' ? 'number' : 'text'}
                        autoComplete={f.kind === 'secret' ? 'new-password' : 'off'}
                        required={f.required && !editing}
                        aria-required={f.required && !editing}
                        aria-invalid={problems[name] ? true : undefined}
                        value={typeof value === 'string' ? value : ''}
                        placeholder={f.placeholder}
                        onChange={(e) => set(e.target.value)}
                        aria-describedby={describedBy(name, true)}
                      />
                    )}
                    {f.hint && (
                      <span className="hint" id={`hint-${name}`}>
                        {f.hint}
                      </span>
                    )}
                    {fieldError(name)}
                  </>
                )}
              </FieldBox>
            );
          })}
        </fieldset>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={busy || !platform}>
          {busy ? 'Saving…' : editing ? (paused ? 'Save and resume' : 'Save') : 'Create credential'}
        </button>
      </div>
    </form>
  );
}

/** A form field: its label is bound by id, so a select's options never become part of its name. */
function FieldBox({ boolean, children }: { id: string; boolean: boolean; children: ReactNode }) {
  return <div className={boolean ? 'field field-checkbox' : 'field'}>{children}</div>;
}

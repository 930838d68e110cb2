import { type FormEvent, useState } from 'react';
import { ApiError, api } from '../api';
import { IDENTIFIER_CLASSES } from '../privacy';
import type { DestinationPrivacy, PreviewResult, TreeStorefront } from '../types';
import { useRole } from '../use-role';
import { PreviewResults } from './PreviewResults';

export interface PolicyTarget {
  /** `credentials` or `sgtm-configs`: the admin API resource. */
  resource: 'credentials' | 'sgtm-configs';
  id: number;
  label: string;
  storefront: TreeStorefront;
  privacy: DestinationPrivacy;
}

/** A comma- or line-separated list, trimmed, without empties. */
const listOf = (text: string) =>
  text
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** A purchase of this storefront five minutes ago, with the identifiers health mode decides about. */
export const sampleRecord = (storefront: string) =>
  JSON.stringify(
    {
      storefront_id: storefront,
      event_name: 'purchase_completed',
      event_time: new Date(Date.now() - 5 * 60_000).toISOString().replace(/\.\d+Z$/, 'Z'),
      order_id: 'PREVIEW-1001',
      order_revenue: 80.79,
      email: 'jane.doe@example.com',
      ip_address: '203.0.113.7',
      user_agent: 'Mozilla/5.0 (preview)',
      fbc: 'fb.1.1736935200000.IwAR0abc',
      page_url: 'https://shop.example/hair-loss/finasteride?utm_campaign=hair_loss_q1',
      utm_campaign: 'hair_loss_q1',
    },
    null,
    2,
  );

/**
 * A destination's health-mode policy (docs/privacy.md): what it is, an editor for admins, and a
 * preview (operators and admins) of what a sample record would send, run against the stored
 * policy: saving runs the preview again.
 */
export function PolicyPanel({
  target,
  onSaved,
  onClose,
}: {
  target: PolicyTarget;
  onSaved: (privacy: DestinationPrivacy) => void;
  onClose: () => void;
}) {
  const role = useRole();
  const editable = role.can('configure');
  const p = target.privacy;
  const [baa, setBaa] = useState(p.baa);
  const [defaultEvents, setDefaultEvents] = useState(p.allowed_events == null);
  const [events, setEvents] = useState((p.allowed_events ?? []).join(', '));
  const [properties, setProperties] = useState(p.allowed_properties.join(', '));
  const [identifiers, setIdentifiers] = useState(new Set(p.allowed_identifiers));
  const [record, setRecord] = useState(() => sampleRecord(target.storefront.storefront_id));
  const [results, setResults] = useState<PreviewResult[]>();
  const [error, setError] = useState<string>();
  const [saved, setSaved] = useState<string>();
  const [busy, setBusy] = useState(false);
  const health = target.storefront.privacy_mode === 'health';
  const aliases = Object.entries(target.storefront.event_aliases);

  const preview = async () => {
    setError(undefined);
    let parsed: unknown;
    try {
      parsed = JSON.parse(record);
    } catch {
      setError('The sample record is not valid JSON.');
      return;
    }
    const records = Array.isArray(parsed) ? parsed : [parsed];
    try {
      const r = await api<{ results: PreviewResult[] }>(
        `/admin/v1/${target.resource}/${target.id}/preview`,
        'POST',
        { records },
      );
      setResults(r.results);
    } catch (err) {
      setResults(undefined);
      setError(err instanceof ApiError ? err.message : String(err));
    }
  };

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(undefined);
    const privacy: DestinationPrivacy = {
      baa,
      allowed_events: defaultEvents ? null : listOf(events),
      allowed_properties: listOf(properties),
      allowed_identifiers: IDENTIFIER_CLASSES.filter((c) => identifiers.has(c)),
    };
    setBusy(true);
    try {
      await api(`/admin/v1/${target.resource}/${target.id}`, 'PUT', { privacy });
      setSaved(`Saved the policy of ${target.label}.`);
      onSaved(privacy);
      await preview();
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card form policy" aria-labelledby="policy-title">
      <h2 id="policy-title">Health-mode policy: {target.label}</h2>
      <p className={health ? 'notice' : 'muted'}>
        {health
          ? `${target.storefront.storefront_id} is in health mode: this policy decides what leaves for this destination.`
          : `${target.storefront.storefront_id} is in standard mode: this policy applies only once the storefront is switched to health mode.`}
        {health && aliases.length > 0 && (
          <> Aliases: {aliases.map(([from, to]) => `${from} → ${to}`).join(', ')}.</>
        )}
      </p>
      <form onSubmit={save} aria-label="Policy">
        <fieldset disabled={!editable} className="policy-fields">
          <legend className="sr-only">Policy of {target.label}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={baa} onChange={(e) => setBaa(e.target.checked)} /> The vendor
            signed a BAA (aliases and lists do not apply)
          </label>
          <div className="field">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={defaultEvents}
                onChange={(e) => setDefaultEvents(e.target.checked)}
              />{' '}
              Default events (standard events and the storefront's aliases)
            </label>
            {!defaultEvents && (
              <label>
                Allowed events <span className="muted">(comma-separated; empty sends nothing)</span>
                <input value={events} onChange={(e) => setEvents(e.target.value)} />
              </label>
            )}
          </div>
          <label>
            Allowed properties <span className="muted">(comma-separated record keys)</span>
            <input value={properties} onChange={(e) => setProperties(e.target.value)} />
          </label>
          <fieldset className="identifiers">
            <legend>Allowed identifiers</legend>
            {IDENTIFIER_CLASSES.map((c) => (
              <label key={c} className="checkbox">
                <input
                  type="checkbox"
                  checked={identifiers.has(c)}
                  onChange={(e) =>
                    setIdentifiers((old) => {
                      const next = new Set(old);
                      if (e.target.checked) next.add(c);
                      else next.delete(c);
                      return next;
                    })
                  }
                />{' '}
                {c}
              </label>
            ))}
          </fieldset>
        </fieldset>
        {!editable && <p className="role-note">Editing the policy {role.needs('configure')}.</p>}
        <div className="actions">
          <button type="button" onClick={onClose}>
            Close
          </button>
          {editable && (
            <button type="submit" className="primary" disabled={busy}>
              {busy ? 'Saving…' : 'Save policy'}
            </button>
          )}
        </div>
      </form>
      {saved && (
        <p className="notice" role="status">
          {saved}
        </p>
      )}
      <h3>Preview</h3>
      {role.can('preview') ? (
        <>
          <label>
            Sample OMS record{' '}
            <span className="muted">(or an array of records; nothing is sent or stored)</span>
            <textarea rows={14} className="mono" value={record} onChange={(e) => setRecord(e.target.value)} />
          </label>
          <div className="actions">
            <button type="button" onClick={preview}>
              Preview
            </button>
          </div>
        </>
      ) : (
        <p className="role-note">The preview {role.needs('preview')}.</p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {results && <PreviewResults results={results} />}
    </section>
  );
}

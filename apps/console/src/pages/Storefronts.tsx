import { useState } from 'react';
import { api } from '../api';
import { Loading, Problem, RoleNote } from '../components/bits';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { count } from '../format';
import type { Tree, TreeStorefront } from '../types';
import { useApi } from '../use-api';
import { useRole } from '../use-role';

/** One switch the operator may flip: which API resource, its name, and what turning it off stops. */
interface Flip {
  path: string;
  turnOn: boolean;
  title: string;
  stops: string;
  waiting: number;
}

const waitingText = (n: number, turnOn: boolean) =>
  turnOn
    ? 'Events that arrived while it was off stay suppressed; replay them from Events if they should go out.'
    : n > 0
      ? `${count(n)} ${n === 1 ? 'delivery' : 'deliveries'} waiting to be sent will be suppressed too.`
      : 'Nothing is waiting to be sent right now.';

/** The kill-switch tree: storefront → sGTM / credential, and the platforms (every storefront at once). */
export function Storefronts() {
  const { data, error, loading, reload } = useApi<Tree>('/admin/v1/kill-switches');
  const [flip, setFlip] = useState<Flip>();
  const role = useRole();
  // A viewer sees the switches' state but no button: the API would refuse the change.
  const offer = (next: () => Flip) => (role.can('flip') ? () => setFlip(next()) : undefined);
  const platformOn = new Map((data?.platforms ?? []).map((p) => [p.platform_code, p.is_active]));

  const storefrontFlip = (s: TreeStorefront): Flip => ({
    path: `/admin/v1/storefronts/${s.id}`,
    turnOn: !s.is_active,
    title: `${s.is_active ? 'Turn off' : 'Turn on'} storefront ${s.storefront_id}`,
    stops: s.is_active
      ? `Every event from ${s.storefront_id} stops: none is sent to sGTM or any platform (each is recorded as suppressed).`
      : `Events from ${s.storefront_id} are sent again to every destination that is on.`,
    waiting: s.waiting,
  });

  return (
    <section aria-labelledby="sf-title">
      <h1 id="sf-title">Storefronts and kill switches</h1>
      <p className="muted">
        An event is sent to a destination only when its storefront, the destination (sGTM or credential) and
        the platform are all on. Switches act at once, also on deliveries already waiting.
      </p>
      {!role.can('flip') && <RoleNote>{`Turning a switch on or off ${role.needs('flip')}.`}</RoleNote>}
      <Problem error={error} />
      {!data && loading && <Loading what="switches" />}
      {data?.storefronts.length === 0 && <p className="muted">No storefront yet.</p>}
      {data && (
        <ul className="tree">
          {data.storefronts.map((s) => (
            <li key={s.id} className="tree-storefront">
              <SwitchRow
                label={`${s.name} (${s.storefront_id})`}
                detail={s.domain ?? ''}
                on={s.is_active}
                waiting={s.waiting}
                onFlip={offer(() => storefrontFlip(s))}
                level="storefront"
                scope="(whole storefront)"
              />
              <ul>
                {s.sgtm && (
                  <li>
                    <SwitchRow
                      label="Server-side GTM"
                      detail={`${s.sgtm.client_type} · ${s.sgtm.sgtm_url}`}
                      on={s.sgtm.is_active}
                      waiting={s.sgtm.waiting}
                      dimmed={!s.is_active}
                      onFlip={offer(() => ({
                        path: `/admin/v1/sgtm-configs/${s.sgtm!.id}`,
                        turnOn: !s.sgtm!.is_active,
                        title: `${s.sgtm!.is_active ? 'Turn off' : 'Turn on'} sGTM for ${s.storefront_id}`,
                        stops: s.sgtm!.is_active
                          ? `Events from ${s.storefront_id} are no longer sent to its sGTM container (${s.sgtm!.sgtm_url}); credentials of type sgtm stop with it. Direct credentials keep sending.`
                          : `Events from ${s.storefront_id} are sent to its sGTM container again.`,
                        waiting: s.sgtm!.waiting,
                      }))}
                      level="sgtm"
                      scope={`for ${s.storefront_id}`}
                    />
                  </li>
                )}
                {s.credentials.map((c) => (
                  <li key={c.id}>
                    <SwitchRow
                      label={c.platform_name}
                      detail={`${c.destination_type} · credential ${c.id}${platformOn.get(c.platform_code) === false ? ' · platform is off' : ''}${c.paused_at ? ` · paused: the platform refused the credential, ${count(c.paused)} held (fix it in Destinations)` : ''}`}
                      on={c.is_active}
                      waiting={c.waiting}
                      dimmed={!s.is_active || platformOn.get(c.platform_code) === false}
                      onFlip={offer(() => ({
                        path: `/admin/v1/credentials/${c.id}`,
                        turnOn: !c.is_active,
                        title: `${c.is_active ? 'Turn off' : 'Turn on'} ${c.platform_name} for ${s.storefront_id}`,
                        stops: c.is_active
                          ? `Events from ${s.storefront_id} are no longer sent to ${c.platform_name} (recorded as suppressed). Other storefronts and other destinations of ${s.storefront_id} keep sending.`
                          : `Events from ${s.storefront_id} are sent to ${c.platform_name} again.`,
                        waiting: c.waiting,
                      }))}
                      level="credential"
                      scope={`for ${s.storefront_id}`}
                    />
                  </li>
                ))}
                {!s.sgtm && s.credentials.length === 0 && (
                  <li className="muted">No destination configured.</li>
                )}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {data && (
        <>
          <h2>Platforms (every storefront)</h2>
          <ul className="tree flat">
            {data.platforms
              .filter(
                (p) =>
                  data.storefronts.some((s) =>
                    s.credentials.some((c) => c.platform_code === p.platform_code),
                  ) || !p.is_active,
              )
              .map((p) => (
                <li key={p.id}>
                  <SwitchRow
                    label={p.name}
                    detail={p.platform_code}
                    on={p.is_active}
                    waiting={p.waiting}
                    onFlip={offer(() => ({
                      path: `/admin/v1/platforms/${p.id}`,
                      turnOn: !p.is_active,
                      title: `${p.is_active ? 'Turn off' : 'Turn on'} ${p.name} for every storefront`,
                      stops: p.is_active
                        ? `No storefront sends events to ${p.name} any more (recorded as suppressed).`
                        : `Storefronts with an active ${p.name} credential send to it again.`,
                      waiting: p.waiting,
                    }))}
                    level="platform"
                    scope="for every storefront"
                  />
                </li>
              ))}
          </ul>
          <p className="muted">Platforms without a credential are listed on the Platforms page.</p>
        </>
      )}
      {flip && (
        <ConfirmDialog
          title={flip.title}
          confirmLabel={flip.turnOn ? 'Turn on' : 'Turn off'}
          danger={!flip.turnOn}
          onClose={() => setFlip(undefined)}
          onConfirm={async () => {
            await api(flip.path, 'PUT', { is_active: flip.turnOn });
            reload();
          }}
        >
          <p>{flip.stops}</p>
          <p>{waitingText(flip.waiting, flip.turnOn)}</p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function SwitchRow({
  label,
  detail,
  on,
  waiting,
  dimmed = false,
  onFlip,
  level,
  scope,
}: {
  scope: string;
  label: string;
  detail: string;
  on: boolean;
  waiting: number;
  dimmed?: boolean;
  /** Absent when the role may not flip switches: no button is shown. */
  onFlip: (() => void) | undefined;
  level: string;
}) {
  return (
    <div className={`switch-row ${dimmed ? 'dimmed' : ''}`} data-level={level}>
      <span className={`dot ${on ? 'dot-on' : 'dot-off'}`} aria-hidden="true" />
      <span className="switch-label">
        <strong>{label}</strong> <span className="muted">{detail}</span>
      </span>
      <span className="muted waiting">{waiting > 0 ? `${count(waiting)} waiting` : ''}</span>
      <span className={on ? 'state-on' : 'state-off'}>{on ? 'On' : 'Off'}</span>
      {onFlip ? (
        <button
          type="button"
          onClick={onFlip}
          aria-label={`${on ? 'Turn off' : 'Turn on'} ${label} ${scope}`}
        >
          {on ? 'Turn off' : 'Turn on'}
        </button>
      ) : (
        <span />
      )}
    </div>
  );
}

import { type FormEvent, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { ApiError, currentSession, onSessionChange, signIn, signOut } from './api';
import { AuditLog } from './pages/AuditLog';
import { Destinations } from './pages/Destinations';
import { EventPage } from './pages/EventPage';
import { Events } from './pages/Events';
import { Failures } from './pages/Failures';
import { Overview } from './pages/Overview';
import { Platforms } from './pages/Platforms';
import { Storefronts } from './pages/Storefronts';
import { Link, useLocation } from './router';
import { useRole } from './use-role';

/** The pages; the audit log needs the operator role, so a viewer is not offered it. */
const NAV = [
  ['/', 'Overview'],
  ['/storefronts', 'Storefronts'],
  ['/destinations', 'Destinations'],
  ['/events', 'Events'],
  ['/failures', 'Failures'],
  ['/platforms', 'Platforms'],
  ['/audit', 'Audit log', 'audit'],
] as const;

function Page({ path }: { path: string }) {
  const event = /^\/events\/(\d+)$/.exec(path);
  if (event) return <EventPage id={event[1]!} />;
  switch (path) {
    case '/':
      return <Overview />;
    case '/storefronts':
      return <Storefronts />;
    case '/destinations':
      return <Destinations />;
    case '/events':
      return <Events />;
    case '/failures':
      return <Failures />;
    case '/platforms':
      return <Platforms />;
    case '/audit':
      return <AuditLog />;
    default:
      return (
        <section>
          <h1>Not found</h1>
          <p>
            <Link to="/">Back to the overview</Link>
          </p>
        </section>
      );
  }
}

export function App() {
  const session = useSyncExternalStore(onSessionChange, currentSession);
  const { path } = useLocation();
  const role = useRole();
  const main = useRef<HTMLElement>(null);
  // After a navigation (not on the first load) focus moves to the new page's content, so
  // keyboard and screen-reader users land on it rather than on the link they left.
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the page changes
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [path]);
  if (!session) return <SignIn />;
  const current = path.startsWith('/events/') ? '/events' : path;
  return (
    <>
      <a className="skip" href="#main">
        Skip to content
      </a>
      <header className="top">
        <span className="brand">Relay</span>
        <nav aria-label="Console">
          <ul>
            {NAV.filter((item) => item[2] === undefined || role.can(item[2])).map(([to, label]) => (
              <li key={to}>
                <Link to={to} aria-current={current === to ? 'page' : undefined}>
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <span className="who">
          {session.user} <span className="role-badge">{session.role}</span>{' '}
          <button type="button" onClick={signOut}>
            Sign out
          </button>
        </span>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Page path={path} />
      </main>
    </>
  );
}

function SignIn() {
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(undefined);
    try {
      await signIn(String(form.get('username') ?? ''), String(form.get('password') ?? ''));
    } catch (err) {
      setError(err instanceof ApiError ? err.message : String(err));
      setBusy(false);
    }
  };
  return (
    <main className="signin">
      <form onSubmit={submit} className="card" aria-labelledby="signin-title">
        <h1 id="signin-title">Relay console</h1>
        <p className="muted">Sign in with your admin account.</p>
        <label>
          Username
          <input name="username" autoComplete="username" required />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}

import { useSyncExternalStore } from 'react';
import { type Ability, type Role, can, currentSession, needs, onSessionChange } from './api';

export interface RoleView {
  role: Role;
  can: (ability: Ability) => boolean;
  /** Why a control is not offered, for the note that replaces it. */
  needs: (ability: Ability) => string;
}

/** The signed-in account's role and what it allows (a page is only shown while signed in). */
export function useRole(): RoleView {
  const session = useSyncExternalStore(onSessionChange, currentSession);
  const role = session?.role ?? 'viewer';
  return { role, can: (a) => can(role, a), needs: (a) => needs(role, a) };
}

// The demo users. Visibility is a list of phase paths ("account/location/project/phase code"),
// like BIMlink's team membership: a user sees the phases linked to their teams and the parent
// projects, locations and domain accounts of those phases.

import { guidFromName } from './ids';

export interface DemoUser {
  /** Stable subject id (`sub`): opaque, like IdentityServer's. */
  readonly sub: string;
  readonly email: string;
  readonly password: string;
  readonly name: string;
  /** Phase path patterns; `*` matches any one segment, `**` everything below. */
  readonly sees: readonly string[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  {
    sub: guidFromName('user/anna@demo-bimlink.nl'),
    email: 'anna@demo-bimlink.nl',
    password: 'anna-demo',
    name: 'Anna de Vries',
    sees: ['**'],
  },
  {
    sub: guidFromName('user/bram@demo-bimlink.nl'),
    email: 'bram@demo-bimlink.nl',
    password: 'bram-demo',
    name: 'Bram Jansen',
    sees: [
      'Demo Vastgoed BV/Campus Noord, Utrecht/Nieuwbouw Gebouw B/DO',
      'Demo Vastgoed BV/Campus Noord, Utrecht/Nieuwbouw Gebouw B/UITV',
    ],
  },
];

export function findUserByEmail(email: string): DemoUser | undefined {
  const wanted = email.trim().toLowerCase();
  return DEMO_USERS.find((user) => user.email === wanted);
}

export function findUserBySub(sub: string): DemoUser | undefined {
  return DEMO_USERS.find((user) => user.sub === sub);
}

/** Whether the user's patterns cover the phase at `path` (segments joined by '/'). */
export function userSeesPath(user: DemoUser, path: readonly string[]): boolean {
  return user.sees.some((pattern) => matches(pattern.split('/'), path));
}

function matches(pattern: readonly string[], path: readonly string[]): boolean {
  for (let i = 0; i < pattern.length; i++) {
    if (pattern[i] === '**') return true;
    if (i >= path.length || (pattern[i] !== '*' && pattern[i] !== path[i])) return false;
  }
  return pattern.length === path.length;
}

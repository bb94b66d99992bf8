// oidc-provider's storage, in memory (tokens, codes, grants, sessions, interactions). Our own
// rather than the built-in MemoryAdapter so that all grants and refresh tokens of one user can
// be revoked at once (a fault the extension must survive: refresh → invalid_grant).

export type StoredPayload = Record<string, unknown> & {
  accountId?: string;
  grantId?: string;
  uid?: string;
  userCode?: string;
  consumed?: number;
};

/** The adapter interface oidc-provider calls (one instance per model name). */
export interface OidcAdapter {
  upsert(id: string, payload: StoredPayload, expiresIn?: number): Promise<void>;
  find(id: string): Promise<StoredPayload | undefined>;
  findByUid(uid: string): Promise<StoredPayload | undefined>;
  findByUserCode(userCode: string): Promise<StoredPayload | undefined>;
  consume(id: string): Promise<void>;
  destroy(id: string): Promise<void>;
  revokeByGrantId(grantId: string): Promise<void>;
}

interface Entry {
  readonly payload: StoredPayload;
  readonly expiresAt: number;
}

const SWEEP_EVERY = 500;

export class TokenStore {
  readonly #models = new Map<string, Map<string, Entry>>();
  #writes = 0;

  adapterFor(model: string): OidcAdapter {
    const entries = this.#entries(model);
    const live = (id: string): StoredPayload | undefined => {
      const entry = entries.get(id);
      if (!entry) return undefined;
      if (entry.expiresAt <= Date.now()) {
        entries.delete(id);
        return undefined;
      }
      return entry.payload;
    };
    const findBy = (key: 'uid' | 'userCode', value: string): StoredPayload | undefined => {
      for (const [id, entry] of entries) if (entry.payload[key] === value) return live(id);
      return undefined;
    };
    return {
      upsert: async (id, payload, expiresIn) => {
        entries.set(id, { payload, expiresAt: expiresIn === undefined ? Infinity : Date.now() + expiresIn * 1000 });
        if (++this.#writes % SWEEP_EVERY === 0) this.#sweep();
      },
      find: async (id) => live(id),
      findByUid: async (uid) => findBy('uid', uid),
      findByUserCode: async (userCode) => findBy('userCode', userCode),
      consume: async (id) => {
        const payload = live(id);
        if (payload) payload.consumed = Math.floor(Date.now() / 1000);
      },
      destroy: async (id) => {
        entries.delete(id);
      },
      revokeByGrantId: async (grantId) => {
        for (const [id, entry] of entries) if (entry.payload.grantId === grantId) entries.delete(id);
      },
    };
  }

  /**
   * Deletes every grant of the account and everything issued under those grants. Returns how
   * many refresh tokens were still usable (not consumed, not expired).
   */
  revokeAccount(accountId: string): { grants: number; refreshTokens: number } {
    const grants = this.#entries('Grant');
    const grantIds = [...grants].filter(([, e]) => e.payload.accountId === accountId).map(([id]) => id);
    let refreshTokens = 0;
    for (const grantId of grantIds) {
      grants.delete(grantId);
      for (const [model, entries] of this.#models) {
        for (const [id, entry] of entries) {
          if (entry.payload.grantId !== grantId) continue;
          if (model === 'RefreshToken' && !entry.payload.consumed && entry.expiresAt > Date.now()) refreshTokens++;
          entries.delete(id);
        }
      }
    }
    return { grants: grantIds.length, refreshTokens };
  }

  /** Live entries per model (for /__admin/stats). */
  counts(): Record<string, number> {
    this.#sweep();
    return Object.fromEntries([...this.#models].map(([model, entries]) => [model, entries.size]));
  }

  #entries(model: string): Map<string, Entry> {
    let entries = this.#models.get(model);
    if (!entries) {
      entries = new Map();
      this.#models.set(model, entries);
    }
    return entries;
  }

  #sweep(): void {
    const now = Date.now();
    for (const entries of this.#models.values()) {
      for (const [id, entry] of entries) if (entry.expiresAt <= now) entries.delete(id);
    }
  }
}

// The REST API of the OpenAPI document (/openapi): JSON in and out, RFC 9457 problems as errors.

/** A refused request: the problem's status, code and detail. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code ?? null;
  }
}

export class Api {
  constructor(base = '') {
    this.base = base;
    this.token = null;
  }

  async request(method, path, body) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    const response = await fetch(this.base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await response.text();
    const json = text ? JSON.parse(text) : null;
    if (!response.ok) throw new ApiError(response.status, json);
    return json;
  }

  get(path) { return this.request('GET', path); }
  post(path, body) { return this.request('POST', path, body); }

  clientConfig() { return this.get('/api/client-config'); }
  nonce(wallet) { return this.post('/api/auth/nonce', { wallet }); }
  verify(wallet, signature) { return this.post('/api/auth/verify', { wallet, signature }); }
  me() { return this.get('/api/me'); }
  game(id) { return this.get(`/api/games/${encodeURIComponent(id)}`); }
  exportOf(id) { return this.get(`/api/games/${encodeURIComponent(id)}/export`); }
  deposits(id) { return this.get(`/api/games/${encodeURIComponent(id)}/deposits`); }
  reportDeposit(id, signature) { return this.post(`/api/games/${encodeURIComponent(id)}/deposits`, { signature }); }
  leaderboard(gameType, limit = 50) { return this.get(`/api/leaderboard?gameType=${gameType}&limit=${limit}`); }
  player(wallet) { return this.get(`/api/players/${encodeURIComponent(wallet)}`); }
  history(wallet, page = 0, size = 20) { return this.get(`/api/players/${encodeURIComponent(wallet)}/games?page=${page}&size=${size}`); }
  queue() { return this.get('/api/matchmaking/queue'); }
}

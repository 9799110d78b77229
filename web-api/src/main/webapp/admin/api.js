// The admin API client: the token of the signed-in admin (kept for this tab only), JSON requests,
// problem details turned into errors with their code. No framework, no build step.

const TOKEN_KEY = 'solduel.admin.token';
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** A refused request: the problem's code, status and text. */
export class ApiError extends Error {
    constructor(status, code, detail) {
        super(detail || code || `HTTP ${status}`);
        this.status = status;
        this.code = code;
    }
}

export function token() {
    return sessionStorage.getItem(TOKEN_KEY);
}

export function setToken(value) {
    if (value) {
        sessionStorage.setItem(TOKEN_KEY, value);
    } else {
        sessionStorage.removeItem(TOKEN_KEY);
    }
}

/** The JWT's claims (not verified here: the server verifies every request). */
export function claims(jwt = token()) {
    try {
        const part = jwt.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
        return JSON.parse(atob(part.padEnd(part.length + (4 - part.length % 4) % 4, '=')));
    } catch {
        return null;
    }
}

/** Calls the API; answers the parsed JSON (null for 204); throws an ApiError for a problem. */
export async function call(method, path, body) {
    const headers = { Accept: 'application/json' };
    const jwt = token();
    if (jwt) {
        headers.Authorization = `Bearer ${jwt}`;
    }
    const init = { method, headers };
    if (body !== undefined) {
        headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    const response = await fetch(path, init);
    const text = await response.text();
    const json = text ? safeJson(text) : null;
    if (!response.ok) {
        throw new ApiError(response.status, json && json.code, (json && (json.detail || json.title)) || text);
    }
    return json;
}

function safeJson(text) {
    try {
        return JSON.parse(text);
    } catch {
        return null;
    }
}

export function base58(bytes) {
    let digits = [0];
    for (const byte of bytes) {
        let carry = byte;
        for (let i = 0; i < digits.length; i++) {
            carry += digits[i] << 8;
            digits[i] = carry % 58;
            carry = (carry / 58) | 0;
        }
        while (carry > 0) {
            digits.push(carry % 58);
            carry = (carry / 58) | 0;
        }
    }
    let out = '';
    for (const byte of bytes) {
        if (byte !== 0) break;
        out += '1';
    }
    for (let i = digits.length - 1; i >= 0; i--) {
        out += ALPHABET[digits[i]];
    }
    return out;
}

/**
 * Signs in with the browser wallet (window.solana: connect, signMessage), exactly as a player does:
 * the server's challenge, the wallet's signature, the token. Refused unless the token has the
 * group admin.
 */
export async function signInWithWallet(provider = window.solana) {
    if (!provider || typeof provider.connect !== 'function' || typeof provider.signMessage !== 'function') {
        throw new ApiError(0, 'no-wallet', 'No browser wallet found (window.solana with connect and signMessage). '
            + 'Install one, or paste a token.');
    }
    const connected = await provider.connect();
    const key = (connected && connected.publicKey) || provider.publicKey;
    const wallet = typeof key === 'string' ? key : key.toBase58 ? key.toBase58() : base58(key.toBytes());
    const challenge = await call('POST', '/api/auth/nonce', { wallet });
    const signed = await provider.signMessage(new TextEncoder().encode(challenge.message), 'utf8');
    const signature = signed.signature || signed;
    const answer = await call('POST', '/api/auth/verify', { wallet, signature: base58(signature) });
    if (!answer.groups.includes('admin')) {
        throw new ApiError(403, 'forbidden', `The wallet ${wallet} is not an admin's (solduel.auth.admin-wallets).`);
    }
    setToken(answer.token);
    return answer;
}

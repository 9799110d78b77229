// The little of Solana a deposit needs, shared by the browser client and Node tools: a JSON-RPC
// client, and the deposit transaction of docs/money.md (a System Program transfer to the vault and a
// Memo v2 instruction carrying the memo, both signed by the wallet) in the legacy wire format.
import { decodeKey, encode } from './base58.mjs';

export const SYSTEM_PROGRAM = '11111111111111111111111111111111';
export const MEMO_PROGRAM = 'MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr';

/** A JSON-RPC 2.0 client of one Solana RPC URL. */
export class Rpc {
  constructor(url, fetchImpl = globalThis.fetch.bind(globalThis)) {
    this.url = url;
    this.fetch = fetchImpl;
    this.id = 0;
  }

  async call(method, params = []) {
    const response = await this.fetch(this.url, {
      method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: ++this.id, method, params }),
    });
    if (!response.ok) throw new Error(`${method}: RPC answered HTTP ${response.status}`);
    const body = await response.json();
    if (body.error) throw new Error(`${method}: ${body.error.message}`);
    return body.result;
  }

  async balance(address) {
    return (await this.call('getBalance', [address, { commitment: 'confirmed' }])).value;
  }

  async latestBlockhash() {
    return (await this.call('getLatestBlockhash', [{ commitment: 'confirmed' }])).value.blockhash;
  }

  async sendRaw(wireBytes) {
    return this.call('sendTransaction', [toBase64(wireBytes), { encoding: 'base64', preflightCommitment: 'confirmed' }]);
  }

  /** Waits until {@code signature} is confirmed (true) or failed (false); throws after {@code timeoutMs}. */
  async confirmed(signature, { timeoutMs = 60_000, onStatus = () => {} } = {}) {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      const [status] = (await this.call('getSignatureStatuses', [[signature], { searchTransactionHistory: true }])).value;
      if (status) onStatus(status.confirmationStatus);
      if (status && status.err) return false;
      if (status && status.confirmationStatus !== 'processed') return true;
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`${signature} was not confirmed within ${timeoutMs / 1000} s`);
  }

  /** The newest transactions of an address, each {signature, memo, blockTime, err}. */
  async signaturesFor(address, limit = 20) {
    return this.call('getSignaturesForAddress', [address, { commitment: 'confirmed', limit }]);
  }
}

/** The compact-u16 length prefix of the wire format. */
function shortVec(n) {
  const out = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if (n === 0) { out.push(byte); return out; }
    out.push(byte | 0x80);
  }
}

function concat(parts) {
  const total = parts.reduce((sum, p) => sum + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

export function toBase64(bytes) {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

/**
 * A legacy transaction with one signer, the shape wallets sign (duck-typed like web3.js's
 * Transaction: serializeMessage, addSignature, serialize, signature).
 */
export class DepositTransaction {
  /** The deposit of docs/money.md: {from, vault, lamports, memo, blockhash} (addresses in base58). */
  constructor({ from, vault, lamports, memo, blockhash }) {
    const amount = BigInt(lamports);
    if (amount <= 0n || amount >= 2n ** 64n) throw new Error(`a deposit of ${lamports} lamports is out of range`);
    const memoBytes = new TextEncoder().encode(memo);
    const transfer = new Uint8Array(12);
    const view = new DataView(transfer.buffer);
    view.setUint32(0, 2, true); // SystemInstruction::Transfer
    view.setBigUint64(4, amount, true);
    this.feePayer = from;
    // Accounts: the wallet (signer, writable), the vault (writable), then the two programs (read-only).
    this.message = concat([
      Uint8Array.of(1, 0, 2),
      Uint8Array.from(shortVec(4)), decodeKey(from), decodeKey(vault), decodeKey(SYSTEM_PROGRAM), decodeKey(MEMO_PROGRAM),
      decodeKey(blockhash),
      Uint8Array.from(shortVec(2)),
      Uint8Array.of(2), Uint8Array.from(shortVec(2)), Uint8Array.of(0, 1), Uint8Array.from(shortVec(transfer.length)), transfer,
      Uint8Array.of(3), Uint8Array.from(shortVec(1)), Uint8Array.of(0), Uint8Array.from(shortVec(memoBytes.length)), memoBytes,
    ]);
    this.signatureBytes = null;
  }

  serializeMessage() {
    return this.message;
  }

  addSignature(publicKey, signature) {
    const key = typeof publicKey === 'string' ? publicKey : publicKey.toBase58();
    if (key !== this.feePayer) throw new Error(`${key} is not this transaction's signer`);
    if (signature.length !== 64) throw new Error('an Ed25519 signature is 64 bytes');
    this.signatureBytes = Uint8Array.from(signature);
  }

  /** The transaction's id: its first signature in base58. */
  get signature() {
    return this.signatureBytes ? encode(this.signatureBytes) : null;
  }

  serialize() {
    if (!this.signatureBytes) throw new Error('the transaction is not signed');
    return concat([Uint8Array.from(shortVec(1)), this.signatureBytes, this.message]);
  }
}

// Wallets speak the browser wallet provider interface (`window.solana`, as Phantom and others inject
// it): connect() → {publicKey}, signMessage(bytes) → {signature}, signTransaction(tx),
// signAndSendTransaction(tx) → {signature}. On a localnet the client offers its own development
// wallet with the same interface, so the same code path runs in tests: an Ed25519 key made by
// WebCrypto, kept in this browser's localStorage, funded by airdrops from the localnet faucet.
import { decodeKey, encode } from './base58.mjs';

const STORAGE_KEY = 'solduel.devWallet.v1';

/** A public key as wallets hand it out (toBase58/toBytes, like web3.js's PublicKey). */
export class PublicKey {
  constructor(base58) {
    this.bytes = decodeKey(base58);
    this.base58 = base58;
  }
  toBase58() { return this.base58; }
  toBytes() { return Uint8Array.from(this.bytes); }
  toString() { return this.base58; }
}

const b64 = (bytes) => btoa(String.fromCharCode(...bytes));
const unb64 = (text) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** The built-in development wallet (localnet only). */
export class DevelopmentWallet {
  constructor(rpc, storage = globalThis.localStorage) {
    this.rpc = rpc;
    this.storage = storage;
    this.isDevelopmentWallet = true;
    this.publicKey = null;
    this.isConnected = false;
    this.privateKey = null;
  }

  async connect() {
    if (!this.privateKey) await this.loadOrCreate();
    this.isConnected = true;
    return { publicKey: this.publicKey };
  }

  async disconnect() {
    this.isConnected = false;
  }

  async loadOrCreate() {
    const saved = JSON.parse(this.storage.getItem(STORAGE_KEY) ?? 'null');
    if (saved) {
      this.privateKey = await crypto.subtle.importKey('pkcs8', unb64(saved.pkcs8), { name: 'Ed25519' }, false, ['sign']);
      this.publicKey = new PublicKey(saved.publicKey);
      return;
    }
    const pair = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
    const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
    const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
    this.publicKey = new PublicKey(encode(raw));
    this.privateKey = pair.privateKey;
    this.storage.setItem(STORAGE_KEY, JSON.stringify({ publicKey: this.publicKey.toBase58(), pkcs8: b64(pkcs8) }));
  }

  requireConnected() {
    if (!this.isConnected) throw new Error('the wallet is not connected');
  }

  async sign(bytes) {
    return new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, this.privateKey, bytes));
  }

  async signMessage(message) {
    this.requireConnected();
    return { signature: await this.sign(message), publicKey: this.publicKey };
  }

  async signTransaction(transaction) {
    this.requireConnected();
    transaction.addSignature(this.publicKey, await this.sign(transaction.serializeMessage()));
    return transaction;
  }

  async signAndSendTransaction(transaction) {
    const signed = await this.signTransaction(transaction);
    return { signature: await this.rpc.sendRaw(signed.serialize()), publicKey: this.publicKey };
  }

  /** Asks the localnet faucet for lamports and waits until they are confirmed. */
  async airdrop(lamports) {
    this.requireConnected();
    const signature = await this.rpc.call('requestAirdrop', [this.publicKey.toBase58(), lamports, { commitment: 'confirmed' }]);
    if (!(await this.rpc.confirmed(signature))) throw new Error('the airdrop failed on-chain');
    return signature;
  }
}

/** The browser's injected wallet, if any (`window.phantom.solana` or `window.solana`). */
export function injectedWallet() {
  const provider = globalThis.phantom?.solana ?? globalThis.solana;
  return provider && typeof provider.connect === 'function' && typeof provider.signMessage === 'function' ? provider : null;
}

/** Signs a deposit with any provider and sends it to the RPC; returns the signature. */
export async function signAndSend(wallet, rpc, transaction) {
  if (typeof wallet.signTransaction === 'function') {
    const signed = await wallet.signTransaction(transaction);
    return rpc.sendRaw(signed.serialize());
  }
  return (await wallet.signAndSendTransaction(transaction)).signature;
}

#!/usr/bin/env node
'use strict';
// solana-localnet: a Solana JSON-RPC 2.0 server over ONE litesvm instance, served on
// several loopback ports at once. litesvm executes transactions (real SVM, real programs,
// real fees); everything a validator adds around execution is done here: a slot clock, a
// 300-slot blockhash queue (150 valid), a status cache against duplicates, commitment
// levels, a bounded transaction store and per-address signature index, plus test-only
// fault injection per port. See README.md for the methods and the known differences.

const http = require('node:http');
const fs = require('node:fs');
const crypto = require('node:crypto');
const bs58 = require('bs58').default;
const L = require('litesvm/dist/internal.js'); // raw-bytes API; the kit wrapper would re-encode

// ---------------------------------------------------------------- configuration
function parseArgs(argv) {
  const o = { ports: [8899], controlPort: null, slotMs: 400, instantFinality: false,
    history: 10000, addressHistory: 1000, faucetKeypair: null, pidFile: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i], next = () => { if (i + 1 >= argv.length) die(`${a} needs a value`); return argv[++i]; };
    const int = (v) => { const n = Number(v); if (!Number.isInteger(n) || n < 0) die(`${a}: not a non-negative integer: ${v}`); return n; };
    switch (a) {
      case '--ports': o.ports = next().split(',').map(int); break;
      case '--control-port': o.controlPort = int(next()); break;
      case '--slot-ms': o.slotMs = Math.max(1, int(next())); break;
      case '--instant-finality': o.instantFinality = true; break;
      case '--history': o.history = Math.max(1, int(next())); break;
      case '--address-history': o.addressHistory = Math.max(1, int(next())); break;
      case '--faucet-keypair': o.faucetKeypair = next(); break;
      case '--pid-file': o.pidFile = next(); break;
      case '-h': case '--help':
        console.log('usage: node server.js --ports 8899[,8901,...] [--control-port P] [--slot-ms 400] [--instant-finality]\n' +
          '  [--history 10000] [--address-history 1000] [--faucet-keypair id.json] [--pid-file f]');
        process.exit(0);
      default: die(`unknown option ${a}`);
    }
  }
  return o;
}
function die(msg) { console.error(`solana-localnet: ${msg}`); process.exit(2); }
const opt = parseArgs(process.argv.slice(2));
const t0 = Date.now();

const API_VERSION = '2.3.13';             // what we claim to be in getVersion / context.apiVersion
const FEATURE_SET = 3294202862;
const FIRST_SLOT = 1000;                  // the slot at start; block height = slot - 700 (they differ on real clusters too)
const MAX_PROCESSING_AGE = 150;           // a blockhash is usable for 150 blocks
const MAX_RECENT_BLOCKHASHES = 300;       // queue length; also the status-cache span
const FINALITY_SLOTS = 32;                // optimistic -> rooted distance
const LAMPORTS_PER_SIGNATURE = 5000n;
const U64_MAX = 18446744073709551615n;
const SYSTEM = '11111111111111111111111111111111';
const COMPUTE_BUDGET = 'ComputeBudget111111111111111111111111111111';
const MEMO_PROGRAMS = new Set(['MemoSq4gqABAXKb96qnH8TysNcWxMyWCqXgDLGmfcHr', 'Memo1UhkJRfHyvLMcVucJwxXeuD728EqVDDwQDxFMNo']);
const PRECOMPILES = new Set(['Ed25519SigVerify111111111111111111111111111', 'KeccakSecp256k11111111111111111111111111111', 'Secp256r1SigVerify1111111111111111111111111']);
// Builtins reserve 3,000 CUs when no SetComputeUnitLimit is given, other programs 200,000.
const BUILTINS = new Set([SYSTEM, COMPUTE_BUDGET, 'Vote111111111111111111111111111111111111111', 'Stake11111111111111111111111111111111111111',
  'Config1111111111111111111111111111111111111', 'BPFLoader1111111111111111111111111111111111', 'BPFLoader2111111111111111111111111111111111',
  'BPFLoaderUpgradeab1e11111111111111111111111', 'LoaderV411111111111111111111111111111111111', 'AddressLookupTab1e1111111111111111111111111']);

class RpcError extends Error { constructor(code, message, data) { super(message); this.code = code; this.data = data; } }
const invalidParams = (m) => new RpcError(-32602, m);

// ---------------------------------------------------------------- ed25519 (node:crypto, native)
// Only for paths where litesvm does not run (it verifies ~4x faster than OpenSSL here).
const PKCS8 = Buffer.from('302e020100300506032b657004220420', 'hex');
const pubKeyObj = (k) => crypto.createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: k.toString('base64url') }, format: 'jwk' });
function verifySigs(t) {
  for (let i = 0; i < t.sigs.length; i++) {
    try { if (!crypto.verify(null, t.message, pubKeyObj(t.keys[i]), t.sigs[i])) return false; } catch { return false; }
  }
  return true;
}

// ---------------------------------------------------------------- wire format
// Our own decoder: we need the exact message bytes (signatures are over them), the version
// (litesvm has separate legacy/versioned entry points) and it is cheaper than web3.js.
function parseTx(raw) {
  let p = 0;
  const fail = (m) => { throw invalidParams(`failed to deserialize solana_sdk::transaction::versioned::VersionedTransaction: ${m}`); };
  const need = (n) => { if (p + n > raw.length) fail('io error: failed to fill whole buffer'); };
  const shortVec = () => {
    let len = 0;
    for (let s = 0; ; s += 7) { need(1); const b = raw[p++]; len |= (b & 0x7f) << s; if (!(b & 0x80)) return len; if (s >= 14) fail('invalid compact-u16'); }
  };
  const take = (n) => { need(n); const b = raw.subarray(p, p + n); p += n; return b; };
  const nSigs = shortVec(), sigs = [];
  for (let i = 0; i < nSigs; i++) sigs.push(take(64));
  const mStart = p;
  need(1);
  let version = 'legacy';
  if (raw[p] & 0x80) { version = raw[p++] & 0x7f; if (version !== 0) fail(`unsupported transaction version ${version}`); }
  const h = take(3);
  const header = { numReadonlySignedAccounts: h[1], numReadonlyUnsignedAccounts: h[2], numRequiredSignatures: h[0] };
  const keys = []; for (let i = 0, n = shortVec(); i < n; i++) keys.push(take(32));
  const blockhash = bs58.encode(take(32));
  const instructions = [];
  for (let i = 0, n = shortVec(); i < n; i++) {
    need(1); const programIdIndex = raw[p++];
    const accounts = [...take(shortVec())];
    instructions.push({ programIdIndex, accounts, data: take(shortVec()) });
  }
  const lookups = [];
  if (version === 0) for (let i = 0, n = shortVec(); i < n; i++) {
    lookups.push({ accountKey: bs58.encode(take(32)), writableIndexes: [...take(shortVec())], readonlyIndexes: [...take(shortVec())] });
  }
  // Trailing bytes are tolerated like bincode's allow_trailing_bytes; they are not signed.
  const t = { raw: raw.subarray(0, p), sigs, message: raw.subarray(mStart, p), version, header, keys, blockhash, instructions, lookups };
  t.keyStrs = keys.map((k) => bs58.encode(k));
  sanitize(t); // guarantees at least one signature
  t.sig = bs58.encode(sigs[0]);
  return t;
}
function sanitize(t) {
  const h = t.header, nLoaded = t.lookups.reduce((s, l) => s + l.writableIndexes.length + l.readonlyIndexes.length, 0);
  const total = t.keys.length + nLoaded;
  const ok = t.sigs.length === h.numRequiredSignatures && h.numRequiredSignatures > 0 &&
    h.numReadonlySignedAccounts < h.numRequiredSignatures && h.numRequiredSignatures + h.numReadonlyUnsignedAccounts <= t.keys.length &&
    t.instructions.every((ix) => ix.programIdIndex > 0 && ix.programIdIndex < t.keys.length && ix.accounts.every((a) => a < total));
  if (!ok) throw invalidParams('invalid transaction: Transaction failed to sanitize accounts offsets correctly');
}
function decodeWire(s, encoding) {
  const raw = decodeString(s, encoding);
  if (raw.length > 1232) throw invalidParams(`${encoding} encoded solana_sdk::transaction::versioned::VersionedTransaction too large: ${raw.length} bytes (max: 1232 bytes)`);
  return raw;
}
function decodeString(s, encoding) {
  if (typeof s !== 'string') throw invalidParams('Invalid params: invalid type: expected a string');
  if (encoding === 'base58') {
    if (s.length > 1683) throw invalidParams(`base58 encoded solana_sdk::transaction::versioned::VersionedTransaction too large: ${s.length} bytes (max: encoded/raw 1683/1232)`);
    try { return Buffer.from(bs58.decode(s)); } catch { throw invalidParams('invalid base58 encoding: InvalidCharacter'); }
  }
  if (encoding === 'base64') {
    if (s.length > 1644) throw invalidParams(`base64 encoded solana_sdk::transaction::versioned::VersionedTransaction too large: ${s.length} bytes (max: encoded/raw 1644/1232)`);
    return Buffer.from(s, 'base64');
  }
  throw invalidParams(`unsupported encoding: ${encoding}. Supported encodings: base58, base64`);
}
const u64le = (b, o) => b.length >= o + 8 ? b.readBigUInt64LE(o) : 0n;
function computeFee(t) {
  let sigs = BigInt(t.header.numRequiredSignatures), price = 0n, limit = null, reserved = 0n;
  for (const ix of t.instructions) {
    const pid = t.keyStrs[ix.programIdIndex];
    if (PRECOMPILES.has(pid)) sigs += BigInt(ix.data[0] || 0);
    if (pid === COMPUTE_BUDGET && ix.data[0] === 2 && ix.data.length >= 5) limit = BigInt(ix.data.readUInt32LE(1));
    if (pid === COMPUTE_BUDGET && ix.data[0] === 3) price = u64le(ix.data, 1);
    reserved += BUILTINS.has(pid) ? 3000n : 200000n;
  }
  limit = limit ?? reserved; if (limit > 1400000n) limit = 1400000n;
  return sigs * LAMPORTS_PER_SIGNATURE + (price * limit + 999999n) / 1000000n;
}
function memoOf(t) {
  const out = [];
  for (const ix of t.instructions) {
    if (!MEMO_PROGRAMS.has(t.keyStrs[ix.programIdIndex])) continue;
    let text; try { text = new TextDecoder('utf-8', { fatal: true }).decode(ix.data); } catch { text = '(unparseable)'; }
    out.push(`[${ix.data.length}] ${text}`);
  }
  return out.length ? out.join('; ') : null;
}

// ---------------------------------------------------------------- transaction errors
// litesvm hands errors back as napi enums/classes; RPC wants serde's JSON and Display text.
const TX_ERR = ['AccountInUse', 'AccountLoadedTwice', 'AccountNotFound', 'ProgramAccountNotFound', 'InsufficientFundsForFee',
  'InvalidAccountForFee', 'AlreadyProcessed', 'BlockhashNotFound', 'CallChainTooDeep', 'MissingSignatureForFee', 'InvalidAccountIndex',
  'SignatureFailure', 'InvalidProgramForExecution', 'SanitizeFailure', 'ClusterMaintenance', 'AccountBorrowOutstanding',
  'WouldExceedMaxBlockCostLimit', 'UnsupportedVersion', 'InvalidWritableAccount', 'WouldExceedMaxAccountCostLimit',
  'WouldExceedAccountDataBlockLimit', 'TooManyAccountLocks', 'AddressLookupTableNotFound', 'InvalidAddressLookupTableOwner',
  'InvalidAddressLookupTableData', 'InvalidAddressLookupTableIndex', 'InvalidRentPayingAccount', 'WouldExceedMaxVoteCostLimit',
  'WouldExceedAccountDataTotalLimit', 'MaxLoadedAccountsDataSizeExceeded', 'ResanitizationNeeded', 'InvalidLoadedAccountsDataSizeLimit',
  'UnbalancedTransaction', 'ProgramCacheHitMaxLimit', 'CommitCancelled'];
const IX_ERR = ['GenericError', 'InvalidArgument', 'InvalidInstructionData', 'InvalidAccountData', 'AccountDataTooSmall', 'InsufficientFunds',
  'IncorrectProgramId', 'MissingRequiredSignature', 'AccountAlreadyInitialized', 'UninitializedAccount', 'UnbalancedInstruction',
  'ModifiedProgramId', 'ExternalAccountLamportSpend', 'ExternalAccountDataModified', 'ReadonlyLamportChange', 'ReadonlyDataModified',
  'DuplicateAccountIndex', 'ExecutableModified', 'RentEpochModified', 'NotEnoughAccountKeys', 'AccountDataSizeChanged', 'AccountNotExecutable',
  'AccountBorrowFailed', 'AccountBorrowOutstanding', 'DuplicateAccountOutOfSync', 'InvalidError', 'ExecutableDataModified',
  'ExecutableLamportChange', 'ExecutableAccountNotRentExempt', 'UnsupportedProgramId', 'CallDepth', 'MissingAccount', 'ReentrancyNotAllowed',
  'MaxSeedLengthExceeded', 'InvalidSeeds', 'InvalidRealloc', 'ComputationalBudgetExceeded', 'PrivilegeEscalation',
  'ProgramEnvironmentSetupFailure', 'ProgramFailedToComplete', 'ProgramFailedToCompile', 'Immutable', 'IncorrectAuthority',
  'AccountNotRentExempt', 'InvalidAccountOwner', 'ArithmeticOverflow', 'UnsupportedSysvar', 'IllegalOwner',
  'MaxAccountsDataAllocationsExceeded', 'MaxAccountsExceeded', 'MaxInstructionTraceLengthExceeded', 'BuiltinProgramsMustConsumeComputeUnits', 'BorshIoError'];
function errJson(e) {
  if (typeof e === 'number') return TX_ERR[e] || `Unknown(${e})`;
  if (e instanceof L.TransactionErrorInstructionError) {
    const ie = e.err();
    const inner = typeof ie === 'number' ? IX_ERR[ie] : ie instanceof L.InstructionErrorCustom ? { Custom: ie.code } : { BorshIoError: ie.msg };
    return { InstructionError: [e.index, inner] };
  }
  if (e instanceof L.TransactionErrorDuplicateInstruction) return { DuplicateInstruction: e.index };
  if (e instanceof L.TransactionErrorInsufficientFundsForRent) return { InsufficientFundsForRent: { account_index: e.accountIndex } };
  if (e instanceof L.TransactionErrorProgramExecutionTemporarilyRestricted) return { ProgramExecutionTemporarilyRestricted: { account_index: e.accountIndex } };
  return String(e);
}
const TX_ERR_TEXT = { BlockhashNotFound: 'Blockhash not found', AlreadyProcessed: 'This transaction has already been processed',
  AccountNotFound: 'Attempt to debit an account but found no record of a prior credit.', InsufficientFundsForFee: 'Insufficient funds for fee',
  SignatureFailure: 'Transaction did not pass signature verification', AccountLoadedTwice: 'Account loaded twice',
  ProgramAccountNotFound: 'Attempt to load a program that does not exist' };
const IX_ERR_TEXT = { InsufficientFunds: 'insufficient funds for instruction', InvalidArgument: 'invalid program argument',
  InvalidInstructionData: 'invalid instruction data', InvalidAccountData: 'invalid account data for instruction',
  MissingRequiredSignature: 'missing required signature for instruction', GenericError: 'generic instruction error' };
function errText(e) {
  if (typeof e === 'string') return TX_ERR_TEXT[e] || e;
  if (e.InstructionError) {
    const [i, ie] = e.InstructionError;
    return `Error processing Instruction ${i}: ${ie.Custom !== undefined ? `custom program error: 0x${ie.Custom.toString(16)}` : IX_ERR_TEXT[ie] || JSON.stringify(ie)}`;
  }
  if (e.InsufficientFundsForRent) return `Transaction results in an account (${e.InsufficientFundsForRent.account_index}) with insufficient funds for rent`;
  return JSON.stringify(e);
}

// ---------------------------------------------------------------- the chain
const svm = new L.LiteSvm();
// Signature checks are switched per call (setSigverify costs ~0.3 us): simulateTransaction
// defaults to no sigverify, and a transaction that passed preflight is not verified twice.
svm.setBlockhashCheck(false);     // litesvm knows one blockhash; we keep the 150-block window
svm.setTransactionHistory(0n);    // our own bounded store + status cache do dedup and history
svm.setLogBytesLimit(10000n);     // the validator's default log limit

const faucet = loadFaucet(opt.faucetKeypair);
svm.setAccount(faucet.pub, new L.Account(500_000_000n * 1_000_000_000n, new Uint8Array(0), Buffer.alloc(32), false, U64_MAX));

const height = (s) => s - 700;
const queue = [];                  // [{hash, slot, time, sigs: Map<sig, slot>}], oldest first
const byHash = new Map();
const genesisHash = bs58.encode(crypto.randomBytes(32));
let lastHash = crypto.randomBytes(32);
function produceSlot(s, timeMs) {
  lastHash = crypto.createHash('sha256').update(lastHash).update(String(s)).digest();
  const e = { hash: bs58.encode(lastHash), slot: s, time: Math.floor(timeMs / 1000), sigs: new Map() };
  queue.push(e); byHash.set(e.hash, e);
  while (queue.length > MAX_RECENT_BLOCKHASHES) byHash.delete(queue.shift().hash); // status cache goes with it
}
// Pre-history of empty slots, so lagging commitments (finalized = slot - 32) have real
// blocks and blockhashes from the first moment on.
for (let s = FIRST_SLOT - MAX_RECENT_BLOCKHASHES + 1; s <= FIRST_SLOT; s++) produceSlot(s, t0 - (FIRST_SLOT - s) * opt.slotMs);
let slot = FIRST_SLOT;
function tick() {
  const now = Date.now(), target = FIRST_SLOT + Math.floor((now - t0) / opt.slotMs);
  if (target <= slot) return;
  // After a long event-loop stall only the last queue-length slots matter.
  for (let s = Math.max(slot + 1, target - MAX_RECENT_BLOCKHASHES); s <= target; s++) produceSlot(s, now);
  slot = target;
  const c = svm.getClock(); c.slot = BigInt(slot); c.unixTimestamp = BigInt(Math.floor(now / 1000)); svm.setClock(c);
}
const clock = setInterval(tick, opt.slotMs);
tick();

// The slot a commitment level sees. litesvm holds only the newest state, so this only steers
// what is visible (statuses, history, blockhashes, balances via the journal), not execution.
function bankSlot(commitment) {
  if (opt.instantFinality || commitment === 'processed') return slot;
  return slot - (commitment === 'confirmed' ? 1 : FINALITY_SLOTS);
}
function levelOf(txSlot) {
  if (opt.instantFinality || slot - txSlot >= FINALITY_SLOTS) return 'finalized';
  return slot - txSlot >= 1 ? 'confirmed' : 'processed';
}
const entryAt = (s) => queue[queue.length - 1 - (slot - s)];
const blockhashValidAt = (hash, bs) => { const e = byHash.get(hash); return !!e && e.slot <= bs && bs - e.slot <= MAX_PROCESSING_AGE; };

// Transaction store (insertion-ordered, capped) and per-address signature index (capped).
const store = new Map();
const byAddress = new Map();       // address -> [sig, ...] oldest first
let txCount = 0, dropped = 0;
function remember(rec) {
  store.set(rec.sig, rec); txCount++;
  for (const k of new Set(rec.keys)) {
    let arr = byAddress.get(k); if (!arr) byAddress.set(k, (arr = []));
    arr.push(rec.sig); if (arr.length > opt.addressHistory) arr.shift();
  }
  while (store.size > opt.history) {
    const [sig, old] = store.entries().next().value; store.delete(sig);
    for (const k of new Set(old.keys)) {  // it is the oldest, so it is first in each list (if still there)
      const arr = byAddress.get(k); if (!arr) continue;
      if (arr[0] === sig) arr.shift();
      if (!arr.length) byAddress.delete(k);
    }
  }
}
const balanceOf = (keyBuf) => svm.getBalance(keyBuf) ?? 0n;
// Balance as seen at a commitment: undo (via preBalances) the landed transactions that this
// commitment does not see yet. Exact for lamports moved by transactions.
function balanceAt(addr, keyBuf, commitment) {
  const bs = bankSlot(commitment); let bal = balanceOf(keyBuf);
  const arr = byAddress.get(addr) || [];
  for (let i = arr.length - 1; i >= 0; i--) {
    const r = store.get(arr[i]); if (!r || r.slot <= bs) break;
    bal = r.pre[r.keys.indexOf(addr)];
  }
  return bal;
}

// Runs the transaction in litesvm and records it, like the leader including it in a block.
// Returns false when a validator would have dropped it (fee could not be charged).
function execute(t, entry, sigverify = true) {
  const pre = t.keys.map(balanceOf);
  svm.setSigverify(sigverify);
  const r = t.version === 'legacy' ? svm.sendLegacyTransaction(t.raw) : svm.sendVersionedTransaction(t.raw);
  const post = t.keys.map(balanceOf);
  const failed = r instanceof L.FailedTransactionMetadata;
  // No fee charged = not includable (bad signature, AccountNotFound, InsufficientFundsForFee...).
  if (failed && post[0] === pre[0]) { dropped++; return false; }
  const meta = failed ? r.meta() : r, err = failed ? errJson(r.err()) : null;
  const inner = meta.innerInstructions().map((list, index) => ({ index, instructions: list.map((ii) => {
    const c = ii.instruction();
    return { accounts: [...c.accounts()], data: bs58.encode(c.data()), programIdIndex: c.programIdIndex(), stackHeight: ii.stackHeight() };
  }) })).filter((x) => x.instructions.length);
  const rd = meta.returnData(), rdData = rd.data();
  remember({ sig: t.sig, slot, blockTime: entryAt(slot).time, raw: Buffer.from(t.raw), keys: t.keyStrs, err, fee: computeFee(t),
    pre, post, logs: meta.logs(), inner, cu: meta.computeUnitsConsumed(), memo: memoOf(t),
    returnData: rdData.length ? { programId: bs58.encode(rd.programId()), data: [Buffer.from(rdData).toString('base64'), 'base64'] } : null });
  entry.sigs.set(t.sig, slot);
  return true;
}
const SIGNATURE_FAILURE = TX_ERR.indexOf('SignatureFailure');
function simulate(t, bs, sigverify) {
  const value = { err: null, logs: [], accounts: null, unitsConsumed: 0, returnData: null, innerInstructions: null };
  if (!blockhashValidAt(t.blockhash, bs)) return { ...value, err: 'BlockhashNotFound' };
  const seen = byHash.get(t.blockhash).sigs.get(t.sig);
  if (seen !== undefined && seen <= bs) return { ...value, err: 'AlreadyProcessed' };
  svm.setSigverify(sigverify);
  const r = t.version === 'legacy' ? svm.simulateLegacyTransaction(t.raw) : svm.simulateVersionedTransaction(t.raw);
  const failed = r instanceof L.FailedTransactionMetadata, meta = r.meta();
  if (failed && r.err() === SIGNATURE_FAILURE) throw new RpcError(-32003, 'Transaction signature verification failure');
  const rd = meta.returnData(), rdData = rd.data();
  return { ...value, err: failed ? errJson(r.err()) : null, logs: meta.logs(), unitsConsumed: meta.computeUnitsConsumed(),
    returnData: rdData.length ? { programId: bs58.encode(rd.programId()), data: [Buffer.from(rdData).toString('base64'), 'base64'] } : null,
    post: failed ? null : r.postAccounts() };
}
// sendTransaction semantics: preflight errors come back as RPC errors; past preflight the
// signature is always returned, and the "leader" may still drop the transaction silently.
function submit(t, preflight, preflightCommitment) {
  if (preflight) {
    const bs = bankSlot(preflightCommitment);
    // A validator checks signatures before the blockhash; litesvm checks them during simulation.
    const hashOk = blockhashValidAt(t.blockhash, bs);
    if (!hashOk && !verifySigs(t)) throw new RpcError(-32003, 'Transaction signature verification failure');
    // Landed already but not yet visible at the preflight commitment: that older bank would
    // pass it, and the leader then drops the copy. (Visible there: AlreadyProcessed below.)
    const landed = hashOk ? byHash.get(t.blockhash).sigs.get(t.sig) : undefined;
    if (landed !== undefined && landed > bs) return t.sig;
    const sim = simulate(t, bs, true);
    if (sim.err) {
      delete sim.post;
      throw new RpcError(-32002, `Transaction simulation failed: ${errText(sim.err)}`, { ...sim, loadedAccountsDataSize: 0, replacementBlockhash: null });
    }
  }
  const entry = byHash.get(t.blockhash);
  if (!blockhashValidAt(t.blockhash, slot)) { dropped++; return t.sig; } // expired: never lands
  if (entry.sigs.has(t.sig)) return t.sig;                          // status cache: not twice
  execute(t, entry, !preflight);                                    // a bad signature is dropped there
  return t.sig;
}

function loadFaucet(file) {
  let seed;
  if (file) {
    const arr = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (!Array.isArray(arr) || arr.length !== 64) die(`${file}: expected a Solana CLI keypair (JSON array of 64 bytes)`);
    seed = Buffer.from(arr.slice(0, 32));
  } else seed = crypto.randomBytes(32);
  const priv = crypto.createPrivateKey({ key: Buffer.concat([PKCS8, seed]), format: 'der', type: 'pkcs8' });
  const pub = crypto.createPublicKey(priv).export({ format: 'der', type: 'spki' }).subarray(12);
  return { priv, pub, addr: bs58.encode(pub) };
}
// A real, signed system transfer from the faucet, so the airdrop has a findable signature.
function airdropTx(to, lamports) {
  const data = Buffer.alloc(12); data.writeUInt32LE(2, 0); data.writeBigUInt64LE(lamports, 4);
  const msg = Buffer.concat([Buffer.from([1, 0, 1, 3]), faucet.pub, to, Buffer.alloc(32), bs58.decode(queue[queue.length - 1].hash),
    Buffer.from([1, 2, 2, 0, 1, 12]), data]);
  return parseTx(Buffer.concat([Buffer.from([1]), crypto.sign(null, msg, faucet.priv), msg]));
}

// ---------------------------------------------------------------- parameter helpers
const ctx = (s) => ({ context: { apiVersion: API_VERSION, slot: s }, value: undefined });
const withValue = (s, value) => ({ ...ctx(s), value });
function config(params, i) {
  const c = params[i];
  if (c === undefined || c === null) return {};
  if (typeof c !== 'object' || Array.isArray(c)) throw invalidParams(`Invalid params: invalid type: ${JSON.stringify(c)}, expected a config object`);
  return c;
}
function commitmentOf(c, minConfirmed) {
  const v = c.commitment ?? 'finalized';
  if (!['processed', 'confirmed', 'finalized'].includes(v)) {
    throw invalidParams(`Invalid params: unknown variant \`${v}\`, expected one of \`processed\`, \`confirmed\`, \`finalized\`.`);
  }
  if (minConfirmed && v === 'processed') throw invalidParams('Method does not support commitment below `confirmed`');
  if (c.minContextSlot !== undefined && bankSlot(v) < c.minContextSlot) {
    throw new RpcError(-32016, 'Minimum context slot has not been reached', { contextSlot: bankSlot(v) });
  }
  return v;
}
function pubkey(v) {
  if (typeof v !== 'string') throw invalidParams('Invalid params: invalid type: expected a base-58 encoded public key string');
  let b; try { b = bs58.decode(v); } catch { throw invalidParams('Invalid param: Invalid'); }
  if (b.length !== 32) throw invalidParams('Invalid param: WrongSize');
  return Buffer.from(b);
}
function signature(v) {
  let b; try { b = typeof v === 'string' && bs58.decode(v); } catch { /* below */ }
  if (!b || b.length !== 64) throw invalidParams(`Invalid param: ${typeof v === 'string' ? 'WrongSize' : 'Invalid'}`);
  return v;
}
function u64Param(v, what) {
  if (!Number.isSafeInteger(v) || v < 0) throw invalidParams(`Invalid params: ${what} must be a non-negative integer`);
  return BigInt(v);
}
function accountJson(addr, keyBuf, c, defaultEncoding) {
  const commitment = commitmentOf(c), acc = svm.getAccount(keyBuf);
  const lamports = balanceAt(addr, keyBuf, commitment);
  if (!acc || (lamports === 0n && acc.data().length === 0 && bs58.encode(acc.owner()) === SYSTEM)) return null;
  const encoding = c.encoding ?? defaultEncoding; // as on a validator: getAccountInfo 'binary', others base64
  let data = Buffer.from(acc.data());
  if (c.dataSlice) data = data.subarray(c.dataSlice.offset, c.dataSlice.offset + c.dataSlice.length);
  let enc;
  if (encoding === 'base58' || encoding === 'binary') {
    if (data.length > 128) throw new RpcError(-32600, 'Encoded binary (base 58) data should be less than 128 bytes, please use Base64 encoding.');
    enc = encoding === 'binary' ? bs58.encode(data) : [bs58.encode(data), 'base58'];
  } else if (encoding === 'base64' || encoding === 'jsonParsed') enc = [data.toString('base64'), 'base64']; // jsonParsed: no parsers, falls back
  else throw invalidParams(`Invalid params: unsupported encoding \`${encoding}\` (base58, base64, jsonParsed)`);
  return { data: enc, executable: acc.executable(), lamports, owner: bs58.encode(acc.owner()), rentEpoch: acc.rentEpoch(), space: acc.data().length };
}
function statusJson(rec) {
  const level = levelOf(rec.slot);
  return { confirmationStatus: level, confirmations: level === 'finalized' ? null : slot - rec.slot, err: rec.err,
    slot: rec.slot, status: rec.err ? { Err: rec.err } : { Ok: null } };
}
function txJson(rec, encoding, maxVersion) {
  const t = parseTx(rec.raw);
  if (t.version !== 'legacy' && (maxVersion === undefined || maxVersion === null || t.version > maxVersion)) {
    throw new RpcError(-32015, `Transaction version (${t.version}) is not supported by the requesting client. ` +
      `Please try the request again with the following configuration parameter: "maxSupportedTransactionVersion": ${t.version}`);
  }
  const meta = { computeUnitsConsumed: rec.cu, err: rec.err, fee: rec.fee, innerInstructions: rec.inner,
    loadedAddresses: { readonly: [], writable: [] }, logMessages: rec.logs, postBalances: rec.post, postTokenBalances: [],
    preBalances: rec.pre, preTokenBalances: [], rewards: [], status: rec.err ? { Err: rec.err } : { Ok: null } };
  if (rec.returnData) meta.returnData = rec.returnData;
  let transaction;
  if (encoding === 'base64' || encoding === 'base58') {
    transaction = [encoding === 'base64' ? rec.raw.toString('base64') : bs58.encode(rec.raw), encoding];
  } else if (encoding === 'json' || encoding === 'jsonParsed') {
    const message = { accountKeys: t.keyStrs, header: t.header, recentBlockhash: t.blockhash,
      instructions: t.instructions.map((ix) => ({ accounts: ix.accounts, data: bs58.encode(ix.data), programIdIndex: ix.programIdIndex, stackHeight: null })) };
    if (t.version === 0) message.addressTableLookups = t.lookups;
    if (encoding === 'jsonParsed') parseMessageJson(t, message);
    transaction = { message, signatures: t.sigs.map((s) => bs58.encode(s)) };
  } else throw invalidParams(`Invalid params: unsupported encoding \`${encoding}\` (json, jsonParsed, base64, base58)`);
  const out = { blockTime: rec.blockTime, meta, slot: rec.slot, transaction };
  if (maxVersion !== undefined && maxVersion !== null) out.version = t.version;
  return out;
}
// jsonParsed: parses system transfers and memos; other instructions stay "partially decoded".
function parseMessageJson(t, message) {
  const h = t.header, n = t.keys.length;
  const writable = (i) => i < h.numRequiredSignatures ? i < h.numRequiredSignatures - h.numReadonlySignedAccounts : i < n - h.numReadonlyUnsignedAccounts;
  message.accountKeys = t.keyStrs.map((pubkey, i) => ({ pubkey, signer: i < h.numRequiredSignatures, source: 'transaction', writable: writable(i) }));
  message.instructions = t.instructions.map((ix) => {
    const programId = t.keyStrs[ix.programIdIndex], acc = ix.accounts.map((a) => t.keyStrs[a]);
    if (programId === SYSTEM && ix.data.length === 12 && ix.data.readUInt32LE(0) === 2) {
      return { parsed: { info: { destination: acc[1], lamports: ix.data.readBigUInt64LE(4), source: acc[0] }, type: 'transfer' }, program: 'system', programId, stackHeight: null };
    }
    if (MEMO_PROGRAMS.has(programId)) return { parsed: ix.data.toString('utf8'), program: 'spl-memo', programId, stackHeight: null };
    return { accounts: acc, data: bs58.encode(ix.data), programId, stackHeight: null };
  });
}

// ---------------------------------------------------------------- RPC methods
const methods = {
  getHealth: () => 'ok',
  getVersion: () => ({ 'feature-set': FEATURE_SET, 'solana-core': API_VERSION }),
  getGenesisHash: () => genesisHash,
  getSlot: (p) => bankSlot(commitmentOf(config(p, 0))),
  getBlockHeight: (p) => height(bankSlot(commitmentOf(config(p, 0)))),
  getEpochInfo: (p) => { const s = bankSlot(commitmentOf(config(p, 0)));
    return { absoluteSlot: s, blockHeight: height(s), epoch: Math.floor(s / 432000), slotIndex: s % 432000, slotsInEpoch: 432000, transactionCount: txCount }; },
  getLatestBlockhash: (p) => {
    const s = bankSlot(commitmentOf(config(p, 0))), e = entryAt(s);
    return withValue(s, { blockhash: e.hash, lastValidBlockHeight: height(e.slot) + MAX_PROCESSING_AGE });
  },
  isBlockhashValid: (p) => {
    const s = bankSlot(commitmentOf(config(p, 1)));
    if (typeof p[0] !== 'string') throw invalidParams('Invalid params: expected a base-58 encoded blockhash');
    return withValue(s, blockhashValidAt(p[0], s));
  },
  getBalance: (p) => { const c = config(p, 1), cm = commitmentOf(c); return withValue(bankSlot(cm), balanceAt(p[0], pubkey(p[0]), cm)); },
  getAccountInfo: (p) => { const c = config(p, 1), key = pubkey(p[0]); return withValue(bankSlot(commitmentOf(c)), accountJson(p[0], key, c, 'binary')); },
  getMultipleAccounts: (p) => {
    const c = config(p, 1);
    if (!Array.isArray(p[0])) throw invalidParams('Invalid params: expected an array of public keys');
    if (p[0].length > 100) throw invalidParams('Too many inputs provided; max 100');
    const keys = p[0].map(pubkey);
    return withValue(bankSlot(commitmentOf(c)), keys.map((k, i) => accountJson(p[0][i], k, c, 'base64')));
  },
  getMinimumBalanceForRentExemption: (p) => { commitmentOf(config(p, 1)); return svm.minimumBalanceForRentExemption(u64Param(p[0] ?? 0, 'data length')); },
  getFeeForMessage: (p) => {
    const s = bankSlot(commitmentOf(config(p, 1)));
    if (typeof p[0] !== 'string') throw invalidParams('Invalid params: expected a base-64 encoded message');
    const msg = Buffer.from(p[0], 'base64');
    // Prefix fake signature slots so the transaction decoder can read a bare message.
    const nSig = msg[0] & 0x80 ? msg[1] : msg[0];
    let t; try { t = parseTx(Buffer.concat([Buffer.from([nSig]), Buffer.alloc(64 * nSig), msg])); } catch (e) { throw invalidParams(`invalid message: ${e.message}`); }
    return withValue(s, blockhashValidAt(t.blockhash, s) ? computeFee(t) : null);
  },
  requestAirdrop: (p) => {
    const to = pubkey(p[0]), lamports = u64Param(p[1], 'lamports');
    commitmentOf(config(p, 2));
    const t = airdropTx(to, lamports), entry = byHash.get(t.blockhash);
    // Same amount to the same address within one slot = the same signed transaction: like a real
    // faucet, the second request returns the first signature and credits nothing more.
    if (entry.sigs.has(t.sig)) return t.sig;
    if (!execute(t, entry)) throw new RpcError(-32603, 'airdrop request failed. This can happen when the rate limit is reached.');
    return t.sig;
  },
  sendTransaction: (p) => {
    const c = config(p, 1), t = parseTx(decodeWire(p[0], c.encoding ?? 'base58'));
    const pc = commitmentOf({ commitment: c.preflightCommitment, minContextSlot: c.minContextSlot });
    return submit(t, !c.skipPreflight, pc);
  },
  simulateTransaction: (p) => {
    const c = config(p, 1), cm = commitmentOf(c), t = parseTx(decodeWire(p[0], c.encoding ?? 'base58'));
    if (c.sigVerify && c.replaceRecentBlockhash) throw invalidParams('sigVerify may not be used with replaceRecentBlockhash');
    let bs = bankSlot(cm), replacementBlockhash = null;
    if (c.replaceRecentBlockhash) { // only our validity check looks at the blockhash, so "replacing" = skipping it
      const e = entryAt(bs); replacementBlockhash = { blockhash: e.hash, lastValidBlockHeight: height(e.slot) + MAX_PROCESSING_AGE };
      t.blockhash = e.hash; bs = slot;
    }
    if (c.sigVerify && !blockhashValidAt(t.blockhash, bs) && !verifySigs(t)) throw new RpcError(-32003, 'Transaction signature verification failure');
    const sim = simulate(t, bs, !!c.sigVerify), post = sim.post; delete sim.post;
    if (c.accounts && Array.isArray(c.accounts.addresses)) {
      sim.accounts = c.accounts.addresses.map((a) => {
        const key = pubkey(a);
        if (sim.err) return null; // a failed simulation reports no post-state
        const hit = post && post.find((x) => Buffer.from(x.address).equals(key));
        if (!hit) return accountJson(a, key, { encoding: c.accounts.encoding, commitment: 'processed' }, 'base64');
        const acc = hit.account();
        return { data: [Buffer.from(acc.data()).toString('base64'), 'base64'], executable: acc.executable(), lamports: acc.lamports(),
          owner: bs58.encode(acc.owner()), rentEpoch: acc.rentEpoch(), space: acc.data().length };
      });
    }
    return withValue(bs, { ...sim, fee: sim.err ? null : computeFee(t), loadedAccountsDataSize: 0, replacementBlockhash });
  },
  getSignatureStatuses: (p) => {
    if (!Array.isArray(p[0])) throw invalidParams('Invalid params: expected an array of signatures');
    if (p[0].length > 256) throw invalidParams('Too many inputs provided; max 256');
    const c = config(p, 1);
    return withValue(slot, p[0].map((s) => {
      const rec = store.get(signature(s));
      // Without searchTransactionHistory only the status cache (recent ~300 slots) is consulted.
      if (!rec || (!c.searchTransactionHistory && slot - rec.slot > MAX_RECENT_BLOCKHASHES)) return null;
      return statusJson(rec);
    }));
  },
  getTransaction: (p) => {
    const sig = signature(p[0]), c = typeof p[1] === 'string' ? { encoding: p[1] } : config(p, 1);
    const rec = store.get(sig);
    if (!rec || rec.slot > bankSlot(commitmentOf(c, true))) return null;
    return txJson(rec, c.encoding ?? 'json', c.maxSupportedTransactionVersion);
  },
  getSignaturesForAddress: (p) => {
    pubkey(p[0]);
    const c = config(p, 1), bs = bankSlot(commitmentOf(c, true)), limit = c.limit ?? 1000;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw invalidParams('Invalid limit; max 1000');
    const arr = byAddress.get(p[0]) || [];
    let i = arr.length - 1;
    if (c.before !== undefined) { i = arr.lastIndexOf(signature(c.before)) - 1; if (i < -1) return []; }
    if (c.until !== undefined) signature(c.until);
    const out = [];
    for (; i >= 0 && out.length < limit; i--) {
      if (arr[i] === c.until) break;
      const r = store.get(arr[i]);
      if (!r || r.slot > bs) continue;
      out.push({ blockTime: r.blockTime, confirmationStatus: levelOf(r.slot), err: r.err, memo: r.memo, signature: r.sig, slot: r.slot });
    }
    return out;
  },
  // ---- test-only control methods (never subject to faults)
  localnet_setFault: (p) => {
    const a = Array.isArray(p) ? p[0] : p;
    if (!a || typeof a !== 'object') throw invalidParams('params: {port, mode: none|http500|hang|http429|slow|rpcError|dropTx, delayMs?, code?, message?, methods?}');
    if (!servers.has(a.port) || a.port === opt.controlPort) throw invalidParams(`port ${a.port} is not a faultable RPC port of this server (${[...servers.keys()].filter((x) => x !== opt.controlPort)})`);
    if (!['none', 'http500', 'hang', 'http429', 'slow', 'rpcError', 'dropTx'].includes(a.mode)) throw invalidParams(`unknown fault mode ${a.mode} (none|http500|hang|http429|slow|rpcError|dropTx)`);
    const delayMs = a.delayMs ?? 1000;
    if (!Number.isInteger(delayMs) || delayMs < 0) throw invalidParams('delayMs must be a non-negative integer');
    const code = a.code ?? -32603;
    if (!Number.isInteger(code)) throw invalidParams('code must be an integer JSON-RPC error code');
    const message = a.message ?? 'Internal error (injected fault)';
    if (typeof message !== 'string') throw invalidParams('message must be a string');
    const methods = a.methods ?? null;
    if (methods !== null && (!Array.isArray(methods) || !methods.every((m) => typeof m === 'string'))) throw invalidParams('methods must be an array of method names');
    if (a.mode === 'none') faults.delete(a.port); else faults.set(a.port, { mode: a.mode, delayMs, code, message, methods });
    if (a.mode !== 'hang') releaseHung(a.port);
    return a.mode === 'rpcError' ? { port: a.port, mode: a.mode, delayMs, code, message, methods } : { port: a.port, mode: a.mode, delayMs };
  },
  localnet_status: () => {
    const m = process.memoryUsage();
    return { slot, blockHeight: height(slot), txCount, dropped, stored: store.size, indexedAddresses: byAddress.size, historyCap: opt.history,
      addressHistoryCap: opt.addressHistory, rssBytes: m.rss, heapUsedBytes: m.heapUsed, ports: [...servers.keys()], controlPort: opt.controlPort,
      faults: Object.fromEntries(faults), hungRequests: hung.size, slotMs: opt.slotMs, instantFinality: opt.instantFinality,
      faucet: faucet.addr, uptimeMs: Date.now() - t0 };
  },
};

function call(req) {
  const id = req && typeof req === 'object' && 'id' in req ? req.id : null;
  if (!req || typeof req !== 'object' || req.jsonrpc !== '2.0' || typeof req.method !== 'string') {
    return { jsonrpc: '2.0', error: { code: -32600, message: 'Invalid request' }, id };
  }
  const fn = Object.prototype.hasOwnProperty.call(methods, req.method) ? methods[req.method] : null;
  if (!fn) return { jsonrpc: '2.0', error: { code: -32601, message: 'Method not found' }, id };
  const params = req.params === undefined ? [] : req.params;
  if (typeof params !== 'object' || params === null || (!Array.isArray(params) && !req.method.startsWith('localnet_'))) {
    return { jsonrpc: '2.0', error: { code: -32602, message: 'Invalid params: expected an array of parameters' }, id };
  }
  try {
    tick(); // a request may arrive between timer ticks; never serve a stale slot
    return { jsonrpc: '2.0', result: fn(params), id };
  } catch (e) {
    if (!(e instanceof RpcError)) { console.error(`solana-localnet: ${req.method} failed:`, e); e = new RpcError(-32603, `Internal error: ${e.message}`); }
    const error = { code: e.code, message: e.message }; if (e.data !== undefined) error.data = e.data;
    return { jsonrpc: '2.0', error, id };
  }
}
// u64 values (lamports, rentEpoch) are BigInt and must leave as exact JSON numbers.
const BIG = '\u0000\u0001big:';
const toJson = (v) => JSON.stringify(v, (k, x) => (typeof x === 'bigint' ? BIG + x : x)).replace(/"\\u0000\\u0001big:(\d+)"/g, '$1');

// ---------------------------------------------------------------- HTTP, ports and faults
const servers = new Map();             // port -> http.Server
const faults = new Map();              // port -> {mode, delayMs}
const hung = new Set();                // {port, req, timer}
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function releaseHung(port) {           // a cleared hang ends held connections unanswered
  for (const h of hung) if (port === undefined || h.port === port) { clearTimeout(h.timer); h.req.socket.destroy(); hung.delete(h); }
}
const isControl = (b) => (Array.isArray(b) ? b.length > 0 && b.every(isControl) : !!b && typeof b.method === 'string' && b.method.startsWith('localnet_'));

function handler(port) {
  return (req, res) => {
    // CORS as a validator's RPC answers it (any origin), so browser wallets and web clients can call it.
    const send = (status, body, type = 'application/json', headers = {}) => {
      if (!res.writableEnded) res.writeHead(status, { 'content-type': type, 'access-control-allow-origin': '*', ...headers }).end(body);
    };
    if (req.method === 'OPTIONS') {
      return send(200, '', 'text/plain', { 'access-control-allow-methods': 'POST, GET, OPTIONS',
        'access-control-allow-headers': 'content-type, solana-client', 'access-control-max-age': '86400' });
    }
    const chunks = []; let size = 0;
    req.on('data', (c) => { size += c.length; if (size <= 50 * 1024) chunks.push(c); });
    req.on('end', async () => {
      let body; try { body = JSON.parse(Buffer.concat(chunks).toString('utf8')); } catch { body = undefined; }
      const fault = req.method === 'POST' && isControl(body) ? null : faults.get(port); // GET /health is faulted too
      if (fault && fault.mode === 'http500') return send(500, 'Internal Server Error', 'text/plain');
      if (fault && fault.mode === 'http429') {
        const id = body && body.id !== undefined ? body.id : null;
        return send(429, toJson({ jsonrpc: '2.0', error: { code: 429, message: 'Too many requests for a specific RPC call' }, id }), 'application/json', { 'retry-after': '1' });
      }
      if (fault && fault.mode === 'hang') {
        // Held, unprocessed, until the fault is changed (then the connection is cut) or 10 minutes pass.
        const h = { port, req };
        h.timer = setTimeout(() => { hung.delete(h); req.socket.destroy(); }, 10 * 60 * 1000);
        req.socket.once('close', () => { clearTimeout(h.timer); hung.delete(h); });
        hung.add(h); return;
      }
      if (fault && fault.mode === 'slow') await sleep(fault.delayMs); // queueing delay before the node handles it
      if (fault && fault.mode === 'rpcError' && body && !Array.isArray(body) && typeof body.method === 'string'
          && (fault.methods === null || fault.methods.includes(body.method))) {
        // HTTP 200 with a JSON-RPC error object: the node answered and refused the request.
        const id = body.id !== undefined ? body.id : null;
        return send(200, toJson({ jsonrpc: '2.0', error: { code: fault.code, message: fault.message }, id }));
      }
      if (fault && fault.mode === 'dropTx' && body && !Array.isArray(body) && body.method === 'sendTransaction') {
        // Accepted and lost: the signature comes back as from a node that forwarded it, and the
        // transaction never reaches the chain (a leader that never got it). Checked like a send first.
        const id = body.id !== undefined ? body.id : null;
        let sig;
        try { const c = config(body.params, 1); sig = parseTx(decodeWire(body.params[0], c.encoding ?? 'base58')).sig; }
        catch (e) { return send(200, toJson(call(body))); } // a malformed send gets the node's usual error
        dropped++;
        return send(200, toJson({ jsonrpc: '2.0', result: sig, id }));
      }
      if (req.method === 'GET' && req.url === '/health') return send(200, 'ok', 'text/plain');
      if (req.method !== 'POST') return send(405, 'Used HTTP Method is not allowed. POST or OPTIONS is required', 'text/plain');
      if (size > 50 * 1024) return send(413, 'Payload Too Large', 'text/plain'); // the validator's body limit
      if (body === undefined) return send(200, toJson({ jsonrpc: '2.0', error: { code: -32700, message: 'Parse error' }, id: null }));
      if (Array.isArray(body)) {
        if (!body.length) return send(200, toJson({ jsonrpc: '2.0', error: { code: -32600, message: 'Invalid request' }, id: null }));
        return send(200, toJson(body.map(call)));
      }
      send(200, toJson(call(body)));
    });
  };
}

function listen(port) {
  return new Promise((resolve, reject) => {
    let h = null; // faults are keyed by the real port, known only once listening (port 0 = any free)
    const s = http.createServer((req, res) => h(req, res));
    s.keepAliveTimeout = 65000;
    s.once('error', reject);
    s.listen(port, '127.0.0.1', () => { const actual = s.address().port; h = handler(actual); servers.set(actual, s); resolve(actual); });
  });
}

let stopping = false;
function stop(signal) {
  if (stopping) return; stopping = true;
  clearInterval(clock); releaseHung();
  for (const s of servers.values()) { s.close(); s.closeAllConnections(); }
  if (opt.pidFile) try { fs.unlinkSync(opt.pidFile); } catch { /* already gone */ }
  console.log(`solana-localnet stopped (${signal}) slot=${slot} txCount=${txCount}`);
  process.exit(0);
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));

(async () => {
  const ports = [];
  try {
    for (const p of opt.ports) ports.push(await listen(p));
    if (opt.controlPort !== null) opt.controlPort = await listen(opt.controlPort);
  } catch (e) { die(`cannot listen: ${e.message}`); }
  if (opt.pidFile) fs.writeFileSync(opt.pidFile, `${process.pid}\n`);
  console.log(`solana-localnet ready ports=${ports.join(',')}${opt.controlPort !== null ? ` control-port=${opt.controlPort}` : ''} ` +
    `slot-ms=${opt.slotMs} instant-finality=${opt.instantFinality} history=${opt.history} faucet=${faucet.addr} pid=${process.pid} startup-ms=${Math.round(process.uptime() * 1000)}`);
})();

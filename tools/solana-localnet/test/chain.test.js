'use strict';
// Money paths against one server with three RPC ports and instant finality, driven by
// @solana/web3.js (a standard client) plus raw JSON-RPC where exact shapes matter.
const { describe, test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const bs58 = require('bs58').default;
const { startServer, rawRpc, rpc, result, sleep, waitStatus, fund, transferTx, web3, MEMO } = require('./helpers');

const LAMPORTS = web3.LAMPORTS_PER_SOL;
let srv, conn, connB, alice, bob;

before(async () => {
  srv = await startServer(['--slot-ms', '100', '--instant-finality'], 3);
  conn = srv.conn(0); connB = srv.conn(1);
  alice = web3.Keypair.generate(); bob = web3.Keypair.generate();
  await fund(conn, alice.publicKey, 10 * LAMPORTS);
});
after(async () => { await srv.stop(); });

describe('basics', () => {
  test('ready line and health/version', async () => {
    assert.match(srv.line, /^solana-localnet ready ports=\d+,\d+,\d+ .*faucet=\w+ pid=\d+ startup-ms=\d+$/);
    assert.equal(await result(srv.ports[0], 'getHealth', []), 'ok');
    const v = await conn.getVersion();
    assert.ok(v['solana-core']);
  });

  test('airdrop has a real signature and transaction', async () => {
    const c = web3.Keypair.generate().publicKey;
    const sig = await conn.requestAirdrop(c, 2 * LAMPORTS);
    const st = await waitStatus(conn, sig, 'finalized');
    assert.equal(st.err, null);
    assert.equal(await conn.getBalance(c), 2 * LAMPORTS);
    const tx = await conn.getTransaction(sig, { commitment: 'confirmed', maxSupportedTransactionVersion: 0 });
    assert.equal(tx.meta.err, null);
    assert.equal(tx.transaction.message.accountKeys[1].toBase58(), c.toBase58());
  });

  test('JSON-RPC envelope: context, batch, unknown method, bad params, commitment spelling', async () => {
    const bal = await rpc(srv.ports[0], 'getBalance', [alice.publicKey.toBase58(), { commitment: 'finalized' }]);
    assert.equal(bal.jsonrpc, '2.0');
    assert.equal(typeof bal.result.context.slot, 'number');
    assert.equal(typeof bal.result.context.apiVersion, 'string');

    const res = await fetch(srv.url(0), { method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ jsonrpc: '2.0', id: 1, method: 'getSlot' }, { jsonrpc: '2.0', id: 2, method: 'nope' }]) });
    const batch = await res.json();
    assert.equal(batch.length, 2);
    assert.equal(typeof batch[0].result, 'number');
    assert.equal(batch[1].error.code, -32601);

    const bad = await rpc(srv.ports[0], 'getBalance', ['not-a-key']);
    assert.equal(bad.error.code, -32602);
    const upper = await rpc(srv.ports[0], 'getLatestBlockhash', [{ commitment: 'FINALIZED' }]);
    assert.equal(upper.error.code, -32602);
    assert.match(upper.error.message, /unknown variant `FINALIZED`/);
    const parse = await fetch(srv.url(0), { method: 'POST', body: '{oops' }).then((r) => r.json());
    assert.equal(parse.error.code, -32700);
  });

  test('accounts, rent, fee for message, blockhash validity', async () => {
    const key = alice.publicKey.toBase58();
    const b64 = await result(srv.ports[0], 'getAccountInfo', [key, { encoding: 'base64' }]);
    assert.deepEqual(b64.value.data, ['', 'base64']);
    assert.equal(b64.value.owner, '11111111111111111111111111111111');
    const b58 = await result(srv.ports[0], 'getAccountInfo', [key, { encoding: 'base58' }]);
    assert.deepEqual(b58.value.data, ['', 'base58']);
    assert.equal(b58.value.rentEpoch, 18446744073709552000); // exact u64::MAX on the wire
    const dflt = await result(srv.ports[0], 'getAccountInfo', [key]); // validator default: legacy 'binary'
    assert.equal(dflt.value.data, '');
    const parsed = await result(srv.ports[0], 'getAccountInfo', [key, { encoding: 'jsonParsed' }]);
    assert.deepEqual(parsed.value.data, ['', 'base64']);
    const none = await result(srv.ports[0], 'getAccountInfo', [web3.Keypair.generate().publicKey.toBase58()]);
    assert.equal(none.value, null);
    const multi = await conn.getMultipleAccountsInfo([alice.publicKey, web3.Keypair.generate().publicKey]);
    assert.equal(multi[0].lamports, await conn.getBalance(alice.publicKey));
    assert.equal(multi[1], null);
    assert.equal(await conn.getMinimumBalanceForRentExemption(0), 890880);

    const { blockhash, lastValidBlockHeight } = await conn.getLatestBlockhash();
    assert.ok(lastValidBlockHeight > await conn.getBlockHeight());
    assert.equal((await conn.isBlockhashValid(blockhash)).value, true);
    assert.equal((await conn.isBlockhashValid(web3.Keypair.generate().publicKey.toBase58())).value, false);
    const msg = transferTx(alice, bob.publicKey, 1, blockhash).compileMessage();
    assert.equal((await conn.getFeeForMessage(msg)).value, 5000);
    msg.recentBlockhash = web3.Keypair.generate().publicKey.toBase58();
    assert.equal((await conn.getFeeForMessage(msg)).value, null);
  });
});

describe('transfers', () => {
  test('SOL transfer with memo lands; balances move by amount + fee; memo visible', async () => {
    const a0 = await conn.getBalance(alice.publicKey), b0 = await conn.getBalance(bob.publicKey);
    const { blockhash } = await conn.getLatestBlockhash();
    const memo = 'duel:42 stake';
    const tx = transferTx(alice, bob.publicKey, LAMPORTS, blockhash, memo);
    const sig = await conn.sendRawTransaction(tx.serialize());
    assert.equal(sig, bs58.encode(tx.signature));
    await waitStatus(conn, sig, 'finalized');
    assert.equal(await conn.getBalance(alice.publicKey), a0 - LAMPORTS - 5000);
    assert.equal(await conn.getBalance(bob.publicKey), b0 + LAMPORTS);

    const got = await conn.getTransaction(sig, { commitment: 'confirmed', maxSupportedTransactionVersion: 0 });
    assert.equal(got.meta.err, null);
    assert.equal(got.meta.fee, 5000);
    assert.equal(got.meta.preBalances[0] - got.meta.postBalances[0], LAMPORTS + 5000);
    assert.ok(got.meta.logMessages.some((l) => l.includes('Memo')));
    assert.ok(got.blockTime > 1.6e9 && got.slot > 0);
    const keys = got.transaction.message.staticAccountKeys.map((k) => k.toBase58());
    const memoIx = got.transaction.message.compiledInstructions.find((ix) => keys[ix.programIdIndex] === MEMO.toBase58());
    assert.equal(Buffer.from(memoIx.data).toString('utf8'), memo);

    const raw = await result(srv.ports[0], 'getTransaction', [sig, { encoding: 'json', commitment: 'confirmed' }]);
    const rawMemo = raw.transaction.message.instructions[1];
    assert.equal(raw.transaction.message.accountKeys[rawMemo.programIdIndex], MEMO.toBase58());
    assert.equal(Buffer.from(bs58.decode(rawMemo.data)).toString(), memo);
    const b64 = await result(srv.ports[0], 'getTransaction', [sig, { encoding: 'base64', commitment: 'confirmed' }]);
    assert.deepEqual(b64.transaction, [tx.serialize().toString('base64'), 'base64']);
    const jp = await conn.getParsedTransaction(sig, { commitment: 'confirmed', maxSupportedTransactionVersion: 0 });
    assert.equal(jp.transaction.message.instructions[0].parsed.info.lamports, LAMPORTS);
    assert.equal(jp.transaction.message.instructions[1].parsed, memo);

    const sigs = await conn.getSignaturesForAddress(bob.publicKey, { limit: 10 });
    assert.equal(sigs[0].signature, sig);
    assert.equal(sigs[0].memo, `[${Buffer.byteLength(memo)}] ${memo}`);
    assert.equal(sigs[0].err, null);
    assert.equal(sigs[0].confirmationStatus, 'finalized');
    assert.equal(sigs[0].slot, got.slot);
  });

  test('getSignaturesForAddress is newest first with limit/before/until', async () => {
    const carol = web3.Keypair.generate();
    const all = [];
    for (let i = 0; i < 4; i++) {
      const { blockhash } = await conn.getLatestBlockhash();
      all.push(await conn.sendRawTransaction(transferTx(alice, carol.publicKey, LAMPORTS / 100 + i, blockhash, `n${i}`).serialize()));
    }
    await waitStatus(conn, all[3], 'finalized');
    const list = (await conn.getSignaturesForAddress(carol.publicKey)).map((s) => s.signature);
    assert.deepEqual(list, [...all].reverse());
    assert.deepEqual((await conn.getSignaturesForAddress(carol.publicKey, { limit: 2 })).map((s) => s.signature), [all[3], all[2]]);
    assert.deepEqual((await conn.getSignaturesForAddress(carol.publicKey, { before: all[2] })).map((s) => s.signature), [all[1], all[0]]);
    assert.deepEqual((await conn.getSignaturesForAddress(carol.publicKey, { until: all[1] })).map((s) => s.signature), [all[3], all[2]]);
    const proc = await rpc(srv.ports[0], 'getSignaturesForAddress', [carol.publicKey.toBase58(), { commitment: 'processed' }]);
    assert.equal(proc.error.code, -32602);
  });

  test('bad signature is refused with -32003', async () => {
    const { blockhash } = await conn.getLatestBlockhash();
    const wire = transferTx(alice, bob.publicKey, 1000, blockhash).serialize();
    wire[10] ^= 0xff; // inside the first signature
    const r = await rawRpc(srv.ports[0], 'sendTransaction', [wire.toString('base64'), { encoding: 'base64', preflightCommitment: 'confirmed' }]);
    assert.equal(r.body.error.code, -32003);
    assert.equal(r.body.error.message, 'Transaction signature verification failure');
    await assert.rejects(conn.sendRawTransaction(wire), /signature verification failure/);
  });

  test('insufficient funds: refused at preflight; with skipPreflight lands failed and pays the fee', async () => {
    const poor = web3.Keypair.generate();
    await fund(conn, poor.publicKey, LAMPORTS / 10);
    const { blockhash } = await conn.getLatestBlockhash();
    const tx = transferTx(poor, bob.publicKey, LAMPORTS, blockhash);
    const r = await rawRpc(srv.ports[0], 'sendTransaction', [tx.serialize().toString('base64'), { encoding: 'base64', preflightCommitment: 'confirmed' }]);
    assert.equal(r.body.error.code, -32002);
    assert.match(r.body.error.message, /^Transaction simulation failed: Error processing Instruction 0: custom program error: 0x1/);
    assert.deepEqual(r.body.error.data.err, { InstructionError: [0, { Custom: 1 }] });
    assert.ok(r.body.error.data.logs.some((l) => l.includes('insufficient lamports')));
    assert.equal(await conn.getBalance(poor.publicKey), LAMPORTS / 10); // nothing charged

    const sig = await conn.sendRawTransaction(tx.serialize(), { skipPreflight: true });
    const st = await waitStatus(conn, sig, 'confirmed');
    assert.deepEqual(st.err, { InstructionError: [0, { Custom: 1 }] });
    assert.equal(await conn.getBalance(poor.publicKey), LAMPORTS / 10 - 5000);
    const got = await conn.getTransaction(sig, { commitment: 'confirmed', maxSupportedTransactionVersion: 0 });
    assert.deepEqual(got.meta.err, { InstructionError: [0, { Custom: 1 }] });
    assert.equal(got.meta.fee, 5000);
    const listed = await conn.getSignaturesForAddress(poor.publicKey, { limit: 1 });
    assert.deepEqual(listed[0].err, { InstructionError: [0, { Custom: 1 }] });
  });

  test('unknown blockhash: "Blockhash not found" at preflight; dropped with skipPreflight', async () => {
    const fake = web3.Keypair.generate().publicKey.toBase58();
    const tx = transferTx(alice, bob.publicKey, 1000, fake);
    const r = await rawRpc(srv.ports[0], 'sendTransaction', [bs58.encode(tx.serialize()), { preflightCommitment: 'confirmed' }]);
    assert.equal(r.body.error.code, -32002);
    assert.equal(r.body.error.message, 'Transaction simulation failed: Blockhash not found');
    assert.equal(r.body.error.data.err, 'BlockhashNotFound');
    const before = await conn.getBalance(alice.publicKey);
    const sig = await conn.sendRawTransaction(tx.serialize(), { skipPreflight: true });
    await new Promise((res) => setTimeout(res, 300));
    assert.equal((await conn.getSignatureStatuses([sig], { searchTransactionHistory: true })).value[0], null);
    assert.equal(await conn.getBalance(alice.publicKey), before);
  });

  test('duplicate transaction is executed once', async () => {
    const dave = web3.Keypair.generate();
    const { blockhash } = await conn.getLatestBlockhash();
    const wire = transferTx(alice, dave.publicKey, LAMPORTS, blockhash).serialize();
    const a0 = await conn.getBalance(alice.publicKey);
    const sig = await conn.sendRawTransaction(wire);
    await waitStatus(conn, sig, 'confirmed');
    // Preflight sees it already processed, like a validator.
    await assert.rejects(conn.sendRawTransaction(wire), /already been processed/);
    // Without preflight the same signature comes back and nothing runs again.
    assert.equal(await conn.sendRawTransaction(wire, { skipPreflight: true }), sig);
    assert.equal(await connB.sendRawTransaction(wire, { skipPreflight: true }), sig);
    assert.equal(await conn.getBalance(dave.publicKey), LAMPORTS);
    assert.equal(await conn.getBalance(alice.publicKey), a0 - LAMPORTS - 5000);
    assert.equal((await conn.getSignaturesForAddress(dave.publicKey)).length, 1);
  });
});

describe('ports and faults', () => {
  test('several ports serve one chain', async () => {
    const erin = web3.Keypair.generate();
    const { blockhash } = await connB.getLatestBlockhash();
    const sig = await conn.sendRawTransaction(transferTx(alice, erin.publicKey, LAMPORTS, blockhash).serialize()); // blockhash from B, sent on A
    await waitStatus(srv.conn(2), sig, 'confirmed');
    assert.equal(await connB.getBalance(erin.publicKey), LAMPORTS);
    assert.equal(await srv.conn(2).getBalance(erin.publicKey), LAMPORTS);
    const t = await connB.getTransaction(sig, { commitment: 'confirmed', maxSupportedTransactionVersion: 0 });
    assert.equal(t.meta.err, null);
  });

  const [A, B] = [0, 1];
  async function setFault(viaIdx, port, mode, delayMs) {
    const r = await rawRpc(srv.ports[viaIdx], 'localnet_setFault', { port, mode, delayMs });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.result.mode, mode);
  }

  test('http500 on one port; others answer; control still works on it', async () => {
    await setFault(A, srv.ports[B], 'http500');
    const r = await rawRpc(srv.ports[B], 'getSlot', []);
    assert.equal(r.status, 500);
    await assert.rejects(connB.getSlot());
    assert.equal((await fetch(`${srv.url(B)}/health`)).status, 500);
    assert.equal(await (await fetch(`${srv.url(A)}/health`)).text(), 'ok');
    assert.equal(typeof await result(srv.ports[A], 'getSlot', []), 'number');
    const st = await result(srv.ports[B], 'localnet_status', []);
    assert.equal(st.faults[srv.ports[B]].mode, 'http500');
    await setFault(B, srv.ports[B], 'none');
    assert.equal(typeof await result(srv.ports[B], 'getSlot', []), 'number');
  });

  test('http429 on one port', async () => {
    await setFault(A, srv.ports[B], 'http429');
    const r = await rawRpc(srv.ports[B], 'getSlot', []);
    assert.equal(r.status, 429);
    assert.equal(typeof await result(srv.ports[2], 'getSlot', []), 'number');
    await setFault(A, srv.ports[B], 'none');
  });

  test('hang on one port until cleared', async () => {
    await setFault(A, srv.ports[B], 'hang');
    const pending = rawRpc(srv.ports[B], 'getSlot', [], { timeoutMs: 3000 }).then(() => 'answered', (e) => e.name);
    await assert.rejects(rawRpc(srv.ports[B], 'getSlot', [], { timeoutMs: 400 }), { name: 'TimeoutError' });
    assert.equal(typeof await result(srv.ports[A], 'getSlot', []), 'number');
    assert.equal((await result(srv.ports[B], 'localnet_status', [])).hungRequests >= 1, true);
    await setFault(A, srv.ports[B], 'none');
    assert.notEqual(await pending, 'answered'); // held connection is cut, never answered
    assert.equal(typeof await result(srv.ports[B], 'getSlot', []), 'number');
  });

  test('slow port delays each answer', async () => {
    await setFault(A, srv.ports[B], 'slow', 400);
    const slow = await rawRpc(srv.ports[B], 'getSlot', []);
    assert.equal(slow.status, 200);
    assert.ok(slow.ms >= 380, `took ${slow.ms} ms`);
    const fast = await rawRpc(srv.ports[A], 'getSlot', []);
    assert.ok(fast.ms < 300, `took ${fast.ms} ms`);
    await setFault(A, srv.ports[B], 'none');
  });

  test('rpcError answers a JSON-RPC error object for the chosen methods only', async () => {
    const set = await rawRpc(srv.ports[A], 'localnet_setFault',
      { port: srv.ports[B], mode: 'rpcError', methods: ['getBalance'], code: -32603, message: 'Internal error' });
    assert.equal(set.body.result.mode, 'rpcError');
    const refused = await rawRpc(srv.ports[B], 'getBalance', [web3.Keypair.generate().publicKey.toBase58()]);
    assert.equal(refused.status, 200);
    assert.deepEqual(refused.body.error, { code: -32603, message: 'Internal error' });
    assert.equal(refused.body.result, undefined);
    assert.equal(typeof await result(srv.ports[B], 'getSlot', []), 'number'); // other methods are served
    assert.equal(await (await fetch(`${srv.url(B)}/health`)).text(), 'ok');
    assert.equal(typeof (await result(srv.ports[A], 'getBalance', [web3.Keypair.generate().publicKey.toBase58()])).value, 'number');
    const bad = await rpc(srv.ports[A], 'localnet_setFault', { port: srv.ports[B], mode: 'rpcError', methods: 'getBalance' });
    assert.equal(bad.error.code, -32602);
    await setFault(A, srv.ports[B], 'none');
    assert.equal(typeof (await result(srv.ports[B], 'getBalance', [web3.Keypair.generate().publicKey.toBase58()])).value, 'number');
  });

  test('dropTx answers the signature of a send and loses the transaction; the same bytes land once the fault is cleared', async () => {
    const frank = web3.Keypair.generate();
    const { blockhash } = await conn.getLatestBlockhash();
    const wire = transferTx(alice, frank.publicKey, LAMPORTS, blockhash).serialize();
    const before = (await result(srv.ports[A], 'localnet_status', [])).dropped;
    await setFault(A, srv.ports[B], 'dropTx');
    const sig = await connB.sendRawTransaction(wire);
    assert.equal(sig, bs58.encode(wire.subarray(1, 65)));
    await sleep(300);
    assert.equal((await conn.getSignatureStatuses([sig], { searchTransactionHistory: true })).value[0], null);
    assert.equal(await conn.getBalance(frank.publicKey), 0);
    assert.equal((await result(srv.ports[A], 'localnet_status', [])).dropped, before + 1);
    assert.equal(typeof await result(srv.ports[B], 'getSlot', []), 'number'); // other methods are served
    await setFault(A, srv.ports[B], 'none');
    assert.equal(await connB.sendRawTransaction(wire), sig);
    await waitStatus(conn, sig, 'confirmed');
    assert.equal(await conn.getBalance(frank.publicKey), LAMPORTS);
  });

  test('bad fault calls are rejected', async () => {
    const r = await rpc(srv.ports[A], 'localnet_setFault', { port: 1, mode: 'hang' });
    assert.equal(r.error.code, -32602);
    const m = await rpc(srv.ports[A], 'localnet_setFault', { port: srv.ports[B], mode: 'explode' });
    assert.equal(m.error.code, -32602);
  });
});

'use strict';
// Fast slots (10 ms) so a real blockhash expires after 150 slots in ~1.5 s; a tiny history
// cap (50 transactions, 20 per address) to show the stores stay bounded.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, rawRpc, result, waitFor, waitStatus, fund, transferTx, web3 } = require('./helpers');

let srv, conn, port, alice;
before(async () => {
  srv = await startServer(['--slot-ms', '10', '--instant-finality', '--history', '50', '--address-history', '20']);
  conn = srv.conn(0); port = srv.ports[0];
  alice = web3.Keypair.generate();
  await fund(conn, alice.publicKey, 100 * web3.LAMPORTS_PER_SOL);
});
after(async () => { await srv.stop(); });

test('a blockhash older than 150 blocks is refused ("Blockhash not found") and never lands', async () => {
  const { blockhash, lastValidBlockHeight } = await conn.getLatestBlockhash();
  const tx = transferTx(alice, web3.Keypair.generate().publicKey, 1_000_000, blockhash);
  await waitFor(async () => !(await conn.isBlockhashValid(blockhash)).value, { timeoutMs: 10000, what: 'expiry' });
  assert.ok(await conn.getBlockHeight() > lastValidBlockHeight);
  const r = await rawRpc(port, 'sendTransaction', [tx.serialize().toString('base64'), { encoding: 'base64', preflightCommitment: 'confirmed' }]);
  assert.equal(r.body.error.code, -32002);
  assert.equal(r.body.error.message, 'Transaction simulation failed: Blockhash not found');
  const before = await conn.getBalance(alice.publicKey);
  const sig = await conn.sendRawTransaction(tx.serialize(), { skipPreflight: true });
  assert.equal((await conn.getSignatureStatuses([sig], { searchTransactionHistory: true })).value[0], null);
  assert.equal(await conn.getBalance(alice.publicKey), before);
  const fee = await rawRpc(port, 'getFeeForMessage', [tx.compileMessage().serialize().toString('base64')]);
  assert.equal(fee.body.result.value, null);
});

test('history cap bounds the transaction store and the address index', async () => {
  const sigs = [];
  for (let i = 0; i < 150; i++) {
    const { blockhash } = await conn.getLatestBlockhash();
    sigs.push(await conn.sendRawTransaction(transferTx(alice, web3.Keypair.generate().publicKey, 1_000_000 + i, blockhash, `m${i}`).serialize()));
  }
  await waitStatus(conn, sigs[sigs.length - 1], 'finalized');
  const st = await result(port, 'localnet_status', []);
  assert.ok(st.txCount >= 151, `txCount ${st.txCount}`);
  assert.equal(st.stored, 50);
  assert.ok(st.indexedAddresses <= 50 * 4, `indexedAddresses ${st.indexedAddresses}`);
  assert.ok(st.rssBytes > 0);
  // The oldest are gone everywhere; the newest are still there.
  assert.equal(await conn.getTransaction(sigs[0], { maxSupportedTransactionVersion: 0 }), null);
  assert.equal((await conn.getSignatureStatuses([sigs[0]], { searchTransactionHistory: true })).value[0], null);
  assert.ok(await conn.getTransaction(sigs[149], { maxSupportedTransactionVersion: 0 }));
  const listed = await conn.getSignaturesForAddress(alice.publicKey, { limit: 1000 });
  assert.equal(listed.length, 20);
  assert.equal(listed[0].signature, sigs[149]);
  assert.equal(listed[0].memo, '[4] m149');
});

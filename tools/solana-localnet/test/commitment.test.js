'use strict';
// Without --instant-finality: processed -> confirmed (1 slot) -> finalized (32 slots), and what
// each commitment level shows meanwhile. 100 ms slots: finalized after ~3.2 s.
const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { startServer, rawRpc, result, waitFor, waitStatus, transferTx, web3 } = require('./helpers');

let srv, conn, port;
before(async () => { srv = await startServer(['--slot-ms', '100']); conn = srv.conn(0, 'processed'); port = srv.ports[0]; });
after(async () => { await srv.stop(); });

test('slots advance and blockhashes rotate', async () => {
  const s0 = await conn.getSlot('processed');
  const h0 = (await conn.getLatestBlockhash('processed')).blockhash;
  await waitFor(async () => (await conn.getSlot('processed')) >= s0 + 3, { what: '3 slots' });
  assert.notEqual((await conn.getLatestBlockhash('processed')).blockhash, h0);
  assert.equal((await conn.isBlockhashValid(h0, { commitment: 'processed' })).value, true);
  const fin = await conn.getSlot('finalized'), conf = await conn.getSlot('confirmed'), proc = await conn.getSlot('processed');
  assert.ok(fin < conf && conf <= proc, `${fin} ${conf} ${proc}`);
  assert.notEqual(await conn.getBlockHeight('processed'), proc); // block height is not the slot
});

test('processed -> confirmed -> finalized', async () => {
  const alice = web3.Keypair.generate(), bob = web3.Keypair.generate();
  const air = await conn.requestAirdrop(alice.publicKey, web3.LAMPORTS_PER_SOL);
  await waitStatus(conn, air, 'processed');
  // Only the processed view has the airdrop yet.
  assert.equal(await conn.getBalance(alice.publicKey, 'processed'), web3.LAMPORTS_PER_SOL);
  assert.equal(await conn.getBalance(alice.publicKey, 'finalized'), 0);
  assert.equal((await result(port, 'getAccountInfo', [alice.publicKey.toBase58(), { commitment: 'finalized' }])).value, null);

  const { blockhash } = await conn.getLatestBlockhash('processed');
  const tx = transferTx(alice, bob.publicKey, 1_000_000, blockhash);
  // Preflight on the finalized bank does not know a blockhash that is not yet finalized
  // (the classic "fetch with processed, preflight with finalized" mistake).
  const mismatch = await rawRpc(port, 'sendTransaction', [tx.serialize().toString('base64'), { encoding: 'base64' }]);
  assert.equal(mismatch.body.error.message, 'Transaction simulation failed: Blockhash not found');

  const sig = await conn.sendRawTransaction(tx.serialize(), { preflightCommitment: 'processed' });
  const seen = [];
  const tFinal = Date.now();
  let txAtFinalizedWhileConfirmed;
  await waitFor(async () => {
    const { value: [st] } = await conn.getSignatureStatuses([sig]);
    if (st && seen[seen.length - 1] !== st.confirmationStatus) {
      seen.push(st.confirmationStatus);
      if (st.confirmationStatus === 'processed') assert.equal(st.confirmations, 0);
      if (st.confirmationStatus === 'confirmed') {
        assert.ok(st.confirmations >= 1);
        txAtFinalizedWhileConfirmed = await conn.getTransaction(sig, { commitment: 'finalized', maxSupportedTransactionVersion: 0 });
        assert.ok(await conn.getTransaction(sig, { commitment: 'confirmed', maxSupportedTransactionVersion: 0 }));
        assert.equal((await conn.getSignaturesForAddress(bob.publicKey, {}, 'finalized')).length, 0);
        assert.equal((await conn.getSignaturesForAddress(bob.publicKey, {}, 'confirmed')).length, 1);
      }
      if (st.confirmationStatus === 'finalized') assert.equal(st.confirmations, null);
    }
    return st && st.confirmationStatus === 'finalized';
  }, { timeoutMs: 10000, everyMs: 20, what: 'finalized' });
  assert.ok(Date.now() - tFinal >= 2500, 'finalized only after ~32 slots');
  assert.deepEqual(seen.filter((s) => s !== 'processed'), ['confirmed', 'finalized']);
  assert.equal(txAtFinalizedWhileConfirmed, null);
  assert.ok(await conn.getTransaction(sig, { commitment: 'finalized', maxSupportedTransactionVersion: 0 }));
  // Default commitment for getTransaction is finalized, and processed is not allowed.
  assert.ok(await result(port, 'getTransaction', [sig]));
  assert.equal((await rawRpc(port, 'getTransaction', [sig, { commitment: 'processed' }])).body.error.code, -32602);
  assert.equal(await conn.getBalance(bob.publicKey, 'finalized'), 1_000_000);
});

test('a duplicate not yet visible at the preflight commitment returns its signature and runs once', async () => {
  const alice = web3.Keypair.generate(), bob = web3.Keypair.generate();
  await waitStatus(conn, await conn.requestAirdrop(alice.publicKey, web3.LAMPORTS_PER_SOL), 'processed');
  const { blockhash } = await conn.getLatestBlockhash('finalized'); // valid on every bank
  const wire = transferTx(alice, bob.publicKey, 2_000_000, blockhash).serialize();
  const sig = await conn.sendRawTransaction(wire, { preflightCommitment: 'processed' });
  // The finalized bank does not see the first copy: preflight passes, nothing runs again.
  assert.equal(await conn.sendRawTransaction(wire, { preflightCommitment: 'finalized' }), sig);
  // The processed bank sees it: AlreadyProcessed, like a validator.
  await assert.rejects(conn.sendRawTransaction(wire, { preflightCommitment: 'processed' }), /already been processed/);
  assert.equal(await conn.getBalance(bob.publicKey, 'processed'), 2_000_000);
  assert.equal(await conn.getBalance(alice.publicKey, 'processed'), web3.LAMPORTS_PER_SOL - 2_000_000 - 5000);
});

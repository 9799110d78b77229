'use strict';
// CLI plumbing: --pid-file, --control-port (never faulted), clean SIGTERM.
const { test } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { startServer, rawRpc, result } = require('./helpers');

test('pid file, control port and SIGTERM', async () => {
  const pidFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'localnet-')), 'server.pid');
  const srv = await startServer(['--control-port', '0', '--pid-file', pidFile], 2);
  try {
    assert.ok(srv.controlPort > 0);
    assert.equal(fs.readFileSync(pidFile, 'utf8').trim(), String(srv.child.pid));
    // Fault both RPC ports through the control port; the control port itself keeps serving everything.
    for (const port of srv.ports) await result(srv.controlPort, 'localnet_setFault', [{ port, mode: 'http500' }]);
    assert.equal((await rawRpc(srv.ports[0], 'getSlot', [])).status, 500);
    assert.equal((await rawRpc(srv.ports[1], 'getSlot', [])).status, 500);
    assert.equal(typeof await result(srv.controlPort, 'getSlot', []), 'number');
    const bad = await rawRpc(srv.controlPort, 'localnet_setFault', { port: srv.controlPort, mode: 'hang' });
    assert.equal(bad.body.error.code, -32602);
    const st = await result(srv.controlPort, 'localnet_status', []);
    assert.deepEqual(Object.keys(st.faults).map(Number).sort(), [...srv.ports].sort());
  } finally {
    assert.equal(await srv.stop(), 0);
  }
  assert.equal(fs.existsSync(pidFile), false);
});

test('browsers may call it: CORS preflight and headers for any origin, as a validator answers', async () => {
  const srv = await startServer();
  try {
    const preflight = await fetch(srv.url(), { method: 'OPTIONS', headers: { Origin: 'http://localhost:9080',
      'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' } });
    assert.equal(preflight.status, 200);
    assert.equal(preflight.headers.get('access-control-allow-origin'), '*');
    assert.match(preflight.headers.get('access-control-allow-headers'), /content-type/);
    const call = await fetch(srv.url(), { method: 'POST', headers: { 'Content-Type': 'application/json', Origin: 'http://localhost:9080' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'getSlot', params: [] }) });
    assert.equal(call.headers.get('access-control-allow-origin'), '*');
    assert.equal(typeof (await call.json()).result, 'number');
  } finally {
    await srv.stop();
  }
});

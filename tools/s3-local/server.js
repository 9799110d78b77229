// A local S3-compatible server for SOL Duel's backups (docs/operations.md): s3rver on loopback with
// a data directory, one bucket, and the access key from the environment instead of s3rver's
// built-in S3RVER key, so a client with the wrong key id is refused (InvalidAccessKeyId).
// s3rver does not check SigV4 signatures (only the key id), nor Content-MD5: the backup job reads
// every upload back and compares its SHA-256.
//   node server.js --port 4569 --dir .local/s3-it --bucket sol-duel-backups
//   env S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY
'use strict';
const S3rver = require('s3rver');
const AWSAccount = require('s3rver/lib/models/account');

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith('--') ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []));
const port = Number(args.port || 4568);
const directory = args.dir || '.local/s3';
const bucket = args.bucket || 'sol-duel-backups';
const keyId = process.env.S3_ACCESS_KEY_ID;
const secret = process.env.S3_SECRET_ACCESS_KEY;
if (!keyId || !secret) {
  console.error('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set (scripts/setup.sh writes them to .local/server.env)');
  process.exit(2);
}
AWSAccount.DUMMY_ACCOUNT.revokeAccessKey('S3RVER');
AWSAccount.DUMMY_ACCOUNT.createKeyPair(keyId, secret);

new S3rver({ address: '127.0.0.1', port, directory, silent: true, vhostBuckets: false, configureBuckets: [{ name: bucket }] })
  .run()
  .then(({ address, port: bound }) => console.log(`s3-local ready on http://${address}:${bound} bucket ${bucket} data ${directory}`))
  .catch((e) => { console.error('s3-local failed to start: ' + e.message); process.exit(1); });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(0));

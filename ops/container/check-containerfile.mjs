// Checks ops/container/Containerfile the way a linter would, since no container engine (and no
// hadolint) runs on the development machines: parses its instructions and fails with a clear
// message when a rule below is broken. Run by scripts/test.sh and ops/container/build.sh.
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const text = readFileSync(join(root, 'ops/container/Containerfile'), 'utf8');
const pom = readFileSync(join(root, 'pom.xml'), 'utf8');
const libertyVersion = pom.match(/<openliberty\.version>([^<]+)<\/openliberty\.version>/)[1];

// Instructions: comments dropped, continuation lines joined.
const instructions = text.replace(/\\\n/g, ' ').split('\n').map((l) => l.trim())
  .filter((l) => l && !l.startsWith('#')).map((l) => {
    const [keyword, ...rest] = l.split(/\s+/);
    return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
  });
const problems = [];
const all = (k) => instructions.filter((i) => i.keyword === k);
const known = new Set(['FROM', 'LABEL', 'COPY', 'ENV', 'EXPOSE', 'USER', 'HEALTHCHECK', 'RUN', 'ARG', 'WORKDIR']);
instructions.filter((i) => !known.has(i.keyword)).forEach((i) => problems.push(`unknown instruction ${i.keyword}`));

const from = all('FROM');
if (from.length !== 1) problems.push(`one FROM expected, found ${from.length}`);
else if (!from[0].args.startsWith(`icr.io/appcafe/open-liberty:${libertyVersion}-`))
  problems.push(`FROM must be the official Open Liberty image pinned to the build's runtime ${libertyVersion}, not '${from[0].args}'`);

const users = all('USER');
const lastUser = users.at(-1)?.args;
if (!lastUser || ['0', 'root'].includes(lastUser.split(':')[0])) problems.push('the image must end running as a non-root USER');

const health = all('HEALTHCHECK');
if (health.length !== 1 || !/\/health\/ready/.test(health[0].args)) problems.push('one HEALTHCHECK probing /health/ready expected');

const copies = all('COPY').map((c) => c.args.replace(/--\S+\s+/g, '').split(/\s+/));
const copied = (to) => copies.some(([, dest]) => dest === to);
for (const to of ['/config/server.xml', '/config/jvm.options', '/config/apps/sol-duel.ear', '/config/hibernate/', '/config/jdbc/', '/config/profiles/']) {
  if (!copied(to)) problems.push(`nothing is copied to ${to}`);
}
for (const [src] of copies) {
  if (!src.startsWith('target/') && !src.startsWith('ear/target/') && !existsSync(join(root, src))) problems.push(`COPY source ${src} does not exist`);
}
all('COPY').filter((c) => !/--chown=1001:0/.test(c.args)).forEach((c) => problems.push(`COPY without --chown=1001:0: ${c.args}`));

for (const i of [...all('ENV'), ...all('ARG'), ...all('LABEL')]) {
  if (/(PASSWORD|SECRET|PRIVATE|TOKEN|KEYPAIR)[A-Z_]*\s*=/i.test(i.args)) problems.push(`a secret must not be baked into the image: ${i.keyword} ${i.args}`);
}
const expose = all('EXPOSE').flatMap((e) => e.args.split(/\s+/));
for (const port of ['9080', '9443']) if (!expose.includes(port)) problems.push(`EXPOSE ${port} missing`);
if (instructions.at(-1)?.keyword !== 'RUN' || !/configure\.sh/.test(instructions.at(-1).args)) problems.push("the last step must be 'RUN configure.sh'");

if (problems.length) {
  console.error('ops/container/Containerfile:\n  - ' + problems.join('\n  - '));
  process.exit(1);
}
console.log(`ops/container/Containerfile: ${instructions.length} instructions, official Open Liberty ${libertyVersion} base, non-root, health-checked, no secrets`);

// The admin portal: one page, a view per section (#dashboard, #players, #games, #payouts, #jobs,
// #audit), everything drawn with DOM calls (no innerHTML of server data), every admin action
// through the documented /api/admin endpoints with a reason where the API takes one.
import { ApiError, call, claims, setToken, signInWithWallet, token } from './api.js';

const VIEWS = ['dashboard', 'players', 'games', 'payouts', 'jobs', 'audit'];
const $ = (id) => document.getElementById(id);

// ---- small DOM helpers ----

function el(tag, attrs = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attrs)) {
        if (value === undefined || value === null || value === false) continue;
        if (key === 'text') node.textContent = value;
        else if (key === 'onclick') node.addEventListener('click', value);
        else if (key === 'className') node.className = value;
        else node.setAttribute(key, value === true ? '' : value);
    }
    for (const child of children.flat(Infinity)) {
        if (child !== null && child !== undefined) node.append(child instanceof Node ? child : String(child));
    }
    return node;
}

function table(caption, headers, rows, testid) {
    if (!rows.length) return el('p', { text: `${caption}: none.`, 'data-testid': testid && `${testid}-empty` });
    return el('div', { className: 'table-wrap' },
        el('table', { 'data-testid': testid },
            el('caption', { text: caption }),
            el('thead', {}, el('tr', {}, headers.map((h) => el('th', { scope: 'col', text: h })))),
            el('tbody', {}, rows)));
}

function cell(value, className) {
    return el('td', { className }, value === null || value === undefined ? '—' : value);
}

function sol(lamports) {
    return lamports === null || lamports === undefined ? '—' : `${(lamports / 1e9).toFixed(9).replace(/\.?0+$/, '')} SOL`;
}

function when(iso) {
    return iso ? new Date(iso).toLocaleString() : '—';
}

function say(text) {
    $('status').textContent = text;
}

function fail(error) {
    const box = $('error');
    box.textContent = error instanceof ApiError ? `${error.message}${error.code ? ` (${error.code})` : ''}` : String(error);
    box.hidden = false;
    if (error instanceof ApiError && error.status === 401) signOut('Your session ended; sign in again.');
}

function clearError() {
    $('error').hidden = true;
    $('error').textContent = '';
}

async function run(what, action) {
    clearError();
    say(`${what}…`);
    try {
        const result = await action();
        say(`${what}: done.`);
        return result;
    } catch (error) {
        say('');
        fail(error);
        return undefined;
    }
}

/** Asks for a reason in an accessible dialog; resolves to the reason, or null when cancelled. */
function askReason(what) {
    const dialog = $('reason-dialog');
    $('reason-what').textContent = what;
    $('reason-input').value = '';
    return new Promise((resolve) => {
        dialog.addEventListener('close', () => {
            const reason = $('reason-input').value.trim();
            resolve(dialog.returnValue === 'ok' && reason ? reason : null);
        }, { once: true });
        dialog.showModal();
        $('reason-input').focus();
    });
}

// ---- sign-in ----

function signedIn() {
    const jwt = token();
    const c = jwt && claims(jwt);
    return c && c.exp * 1000 > Date.now() ? c : null;
}

function signOut(message) {
    setToken(null);
    show();
    if (message) say(message);
}

function show() {
    const c = signedIn();
    $('sign-in').hidden = !!c;
    $('nav').hidden = !c;
    $('sign-out').hidden = !c;
    $('who').hidden = !c;
    $('who').textContent = c ? `Signed in as ${c.sub}` : '';
    const wanted = location.hash.slice(1);
    const view = c ? (VIEWS.includes(wanted) ? wanted : 'dashboard') : null;
    for (const name of VIEWS) {
        $(`view-${name}`).hidden = name !== view;
        const link = document.querySelector(`a[href="#${name}"]`);
        if (name === view) link.setAttribute('aria-current', 'page');
        else link.removeAttribute('aria-current');
    }
    if (view) LOADERS[view]();
}

// ---- views ----

async function loadDashboard() {
    const s = await run('Loading the dashboard', () => call('GET', '/api/admin/summary'));
    if (!s) return;
    const body = $('dashboard-body');
    const card = (title, testid, ...content) => el('section', { className: 'card', 'data-testid': testid },
        el('h3', { text: title }), ...content);
    const list = (pairs) => el('dl', {}, pairs.map(([k, v]) => [el('dt', { text: k }), el('dd', {}, v)]));
    body.replaceChildren(
        card('Games', 'dash-games', list([['In progress', s.games.inProgress], ['Awaiting deposits', s.games.awaitingDeposits],
            ['Waiting for an opponent', s.games.waitingForOpponent]])),
        card('Connections', 'dash-connections', list([['Game sockets on this node',
            s.connectionsOnThisNode ?? 'unknown']]),
            s.nodes ? table('Nodes', ['Node', 'Alive', 'Games', 'Capacity'], s.nodes.map((n) => el('tr', {},
                cell(n.node), cell(n.alive ? 'yes' : 'NO', n.alive ? 'good' : 'bad'), cell(n.ownedGames), cell(n.capacity))))
                : el('p', { className: 'bad', text: 'Node heartbeats unreadable (Redis).' })),
        card('Queues', 'dash-queues', s.queues ? table('Waiting players', ['Bucket', 'Waiting'],
            s.queues.map((q) => el('tr', {}, cell(q.bucket, 'mono'), cell(q.waiting)))) :
            el('p', { className: 'bad', text: 'Queues unreadable (Redis).' })),
        card('Solana RPC', 'dash-rpc', table('Endpoints', ['Endpoint', 'Usable', 'Breaker', 'Slot'],
            s.endpoints.map((e) => el('tr', {}, cell(e.endpoint, 'mono'), cell(e.usable ? 'yes' : 'NO', e.usable ? 'good' : 'bad'),
                cell(e.breaker), cell(e.slot))), 'dash-rpc-table')),
        card('Payouts', 'dash-payouts', list([['Pending', s.payouts.pending],
            ['Failed', el('span', { className: s.payouts.failed ? 'bad' : 'good', text: s.payouts.failed })],
            ['Confirmed', s.payouts.confirmed]])),
        card('Vault vs ledger', 'dash-vault', s.vault ? list([['Last reconciliation', `#${s.vault.lastRunId} ${s.vault.status}, ${when(s.vault.finishedAt)}`],
            ['On-chain', sol(s.vault.onChainLamports)], ['Ledger', sol(s.vault.ledgerLamports)],
            ['In flight', sol(s.vault.inFlightLamports)],
            ['Drift', el('span', { className: s.vault.driftLamports ? 'bad' : 'good', text: sol(s.vault.driftLamports) })]])
            : el('p', { text: 'No reconciliation has run yet.' })));
}

async function loadPlayers(event) {
    if (event) event.preventDefault();
    const query = $('player-query').value.trim();
    if (!query) return;
    const page = await run('Searching', () => call('GET', `/api/admin/players?query=${encodeURIComponent(query)}`));
    if (!page) return;
    $('players-body').replaceChildren(table('Players', ['Wallet', 'Username', 'Ban', 'Playing', ''],
        page.players.map((p) => el('tr', { 'data-testid': `player-${p.walletAddress}` },
            cell(p.walletAddress, 'mono'), cell(p.username),
            cell(p.banned ? `Banned ${when(p.bannedAt)}: ${p.banReason}` : 'not banned', p.banned ? 'bad' : null),
            cell(p.activeGameId === null ? null : el('a', { href: '#games', onclick: () => openGame(p.activeGameId), text: `game ${p.activeGameId}` })),
            el('td', {}, p.banned
                ? el('button', { type: 'button', className: 'secondary', 'data-testid': `unban-${p.walletAddress}`,
                    'aria-label': `Lift the ban of ${p.walletAddress}`, text: 'Unban', onclick: () => unban(p.walletAddress) })
                : el('button', { type: 'button', className: 'danger', 'data-testid': `ban-${p.walletAddress}`,
                    'aria-label': `Ban ${p.walletAddress}`, text: 'Ban', onclick: () => ban(p.walletAddress) })))), 'players-table'));
}

async function ban(wallet) {
    const reason = await askReason(`Ban ${wallet}: their sockets close, their queue entry goes, and they cannot sign in or play.`);
    if (!reason) return;
    if (await run('Banning', () => call('PUT', `/api/admin/players/${wallet}/ban`, { reason })) !== undefined) loadPlayers();
}

async function unban(wallet) {
    if (await run('Lifting the ban', () => call('DELETE', `/api/admin/players/${wallet}/ban`)) !== undefined) loadPlayers();
}

async function loadGames(event) {
    if (event) event.preventDefault();
    const params = new URLSearchParams();
    if ($('game-status').value) params.set('status', $('game-status').value);
    if ($('game-player').value.trim()) params.set('player', $('game-player').value.trim());
    const page = await run('Loading games', () => call('GET', `/api/admin/games?${params}`));
    if (!page) return;
    $('games-body').replaceChildren(table('Games, newest first', ['Id', 'Type', 'Status', 'Wager', 'Players', ''],
        page.games.map((g) => el('tr', { 'data-testid': `game-row-${g.gameId}` }, cell(g.gameId), cell(g.gameType), cell(g.status),
            cell(sol(g.wager)), cell(`${g.username1 || g.player1} vs ${g.player2 ? (g.username2 || g.player2) : '—'}`, 'mono'),
            el('td', {}, el('button', { type: 'button', className: 'secondary', 'data-testid': `open-game-${g.gameId}`,
                'aria-label': `Open game ${g.gameId}`, text: 'Open', onclick: () => openGame(g.gameId) })))), 'games-table'));
}

async function openGame(id) {
    const d = await run(`Loading game ${id}`, () => call('GET', `/api/admin/games/${id}`));
    if (!d) return;
    const g = d.game;
    const abortable = g.status === 'IN_PROGRESS' || g.status === 'AWAITING_DEPOSITS';
    const box = $('game-detail');
    box.replaceChildren(el('h3', { id: 'game-detail-title', tabindex: '-1', text: `Game ${g.gameId}: ${g.gameType}, ${g.status}` }),
        el('p', {}, `Wager ${sol(g.wager)} each; P1 ${g.player1}; P2 ${g.player2 ?? '—'}; made ${when(g.createdAt)}`
            + (g.abortReason ? `; aborted: ${g.abortReason}` : '')),
        abortable ? el('button', { type: 'button', className: 'danger', 'data-testid': `abort-${g.gameId}`, text: 'Abort and refund',
            onclick: () => abortGame(g.gameId) }) : '', // replaceChildren would write a null as "null"
        table('Deposits', ['Wallet', 'Lamports', 'Signature'], d.deposits.map((x) => el('tr', {}, cell(x.wallet, 'mono'),
            cell(sol(x.lamports)), cell(x.signature, 'mono'))), 'game-deposits'),
        table('Payouts and refunds', ['Id', 'Kind', 'Reason', 'Status', 'To', 'Amount'], d.payouts.map((p) => el('tr', {},
            cell(p.id), cell(p.kind), cell(p.reason), cell(p.status, p.status === 'FAILED' ? 'bad' : null), cell(p.destination, 'mono'),
            cell(sol(p.lamports)))), 'game-payouts'),
        table('Action log', ['#', 'Type', 'Wallet', 'Data', 'At'], d.actions.map((a) => el('tr', {}, cell(a.sequence), cell(a.type),
            cell(a.wallet, 'mono'), cell(JSON.stringify(a.data), 'mono'), cell(when(a.at)))), 'game-actions'),
        table('Admin actions', ['When', 'Who', 'What', 'Reason'], d.audit.map((a) => el('tr', {}, cell(when(a.at)),
            cell(a.actor, 'mono'), cell(a.action), cell(a.reason))), 'game-audit'));
    $('game-detail-title').focus();
}

async function abortGame(id) {
    const reason = await askReason(`Abort game ${id}: it ends without a result and each credited deposit is refunded on-chain.`);
    if (!reason) return;
    const done = await run(`Aborting game ${id}`, () => call('POST', `/api/admin/games/${id}/abort`, { reason }));
    if (done) {
        say(`Game ${id} aborted; ${done.refunds.length} refund(s) owed, sent by the payouts job.`);
        openGame(id);
    }
}

async function loadPayouts(event) {
    if (event) event.preventDefault();
    const status = $('payout-status').value;
    const list = await run('Loading payouts', () => call('GET', `/api/admin/payouts${status ? `?status=${status}` : ''}`));
    if (!list) return;
    $('payouts-body').replaceChildren(table('Payouts and refunds', ['Id', 'Kind', 'Status', 'Game', 'To', 'Amount', 'Last error', ''],
        list.map((p) => el('tr', { 'data-testid': `payout-${p.id}` }, cell(p.id), cell(p.kind), cell(p.status, p.status === 'FAILED' ? 'bad' : null),
            cell(p.gameId), cell(p.destination, 'mono'), cell(sol(p.lamports)), cell(p.lastError),
            el('td', {}, p.status === 'FAILED' ? el('button', { type: 'button', 'data-testid': `retry-${p.id}`,
                'aria-label': `Retry payout ${p.id}`, text: 'Retry', onclick: () => retry(p.id) }) : null))), 'payouts-table'));
}

async function retry(id) {
    if (await run(`Retrying payout ${id}`, () => call('POST', `/api/admin/payouts/${id}/retry`)) !== undefined) loadPayouts();
}

async function loadJobs() {
    const [runs, recon] = await Promise.all([
        run('Loading job history', () => call('GET', '/api/admin/jobs?limit=30')),
        run('Loading the reconciliation', () => call('GET', '/api/admin/reconciliation'))]);
    if (runs) {
        $('jobs-body').replaceChildren(table('Executions, newest first', ['Id', 'Job', 'Status', 'Exit status', 'Started', 'Ended'],
            runs.map((j) => el('tr', { 'data-testid': `job-${j.executionId}` }, cell(j.executionId), cell(j.jobName),
                cell(j.status, j.status === 'FAILED' ? 'bad' : null), cell(j.exitStatus, 'mono'), cell(when(j.startedAt)),
                cell(when(j.endedAt)))), 'jobs-table'));
    }
    if (recon) {
        const r = recon.lastRun;
        $('reconciliation-body').replaceChildren(el('p', {}, r
            ? `Last reconciliation #${r.id}: ${r.status}, drift ${sol(r.driftLamports)}, ${recon.items.length} open item(s), ${when(r.finishedAt)}`
            : 'No reconciliation has run yet.'));
    }
}

async function startJob(name) {
    const started = await run(`Starting ${name}`, () => call('POST', `/api/admin/jobs/${name}`));
    if (started) {
        say(`${name} started: execution ${started.executionId}.`);
        loadJobs();
    }
}

async function startReconciliation() {
    if (await run('Requesting a reconciliation', () => call('POST', '/api/admin/reconciliation/run'))) loadJobs();
}

let auditBefore = null;

async function loadAudit(event, more = false) {
    if (event) event.preventDefault();
    const params = new URLSearchParams({ limit: '50' });
    if ($('audit-action').value) params.set('action', $('audit-action').value);
    if ($('audit-target').value.trim()) params.set('target', $('audit-target').value.trim());
    if (more && auditBefore) params.set('before', auditBefore);
    const page = await run('Loading the audit log', () => call('GET', `/api/admin/audit?${params}`));
    if (!page) return;
    auditBefore = page.nextBefore;
    $('audit-more').hidden = !page.nextBefore;
    const rows = page.entries.map((a) => el('tr', { 'data-testid': `audit-${a.id}` }, cell(a.id), cell(when(a.at)), cell(a.actor, 'mono'),
        cell(a.action), cell(a.target, 'mono'), cell(a.reason),
        el('td', {}, el('details', {}, el('summary', { text: 'before / after' }),
            el('pre', { text: `before: ${JSON.stringify(a.before, null, 1)}\nafter: ${JSON.stringify(a.after, null, 1)}` })))));
    const body = $('audit-body');
    const existing = more ? body.querySelector('tbody') : null;
    if (existing) existing.append(...rows);
    else body.replaceChildren(table('Admin actions, newest first', ['Id', 'When', 'Who', 'What', 'Target', 'Reason', 'State'], rows, 'audit-table'));
}

const LOADERS = { dashboard: loadDashboard, players: () => {}, games: loadGames, payouts: loadPayouts, jobs: loadJobs, audit: loadAudit };

// ---- wiring (no inline handlers: the page's CSP allows only this file's scripts) ----

document.addEventListener('DOMContentLoaded', () => {
    $('wallet-sign-in').addEventListener('click', async () => {
        if (await run('Signing in with the wallet', () => signInWithWallet())) show();
    });
    $('token-form').addEventListener('submit', (event) => {
        event.preventDefault();
        const value = $('token-input').value.trim();
        const c = claims(value);
        if (!c || !(c.groups || []).includes('admin')) {
            fail(new ApiError(0, 'forbidden', 'That is not an admin token (no group admin).'));
            return;
        }
        setToken(value);
        $('token-input').value = '';
        clearError();
        show();
    });
    $('sign-out').addEventListener('click', () => signOut('Signed out.'));
    $('dashboard-refresh').addEventListener('click', loadDashboard);
    $('player-search').addEventListener('submit', loadPlayers);
    $('game-filter').addEventListener('submit', loadGames);
    $('payout-filter').addEventListener('submit', loadPayouts);
    $('audit-filter').addEventListener('submit', (event) => loadAudit(event));
    $('audit-more').addEventListener('click', () => loadAudit(null, true));
    $('start-reconciliation').addEventListener('click', startReconciliation);
    for (const button of document.querySelectorAll('[data-job]')) {
        button.addEventListener('click', () => startJob(button.dataset.job));
    }
    window.addEventListener('hashchange', () => {
        clearError();
        show();
        $('main').focus();
    });
    show();
});

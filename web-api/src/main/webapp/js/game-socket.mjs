// The game socket of websocket-war/asyncapi.yaml: one WebSocket at /ws/game with the JWT in the
// query (browsers cannot set headers), a ping every 25 s, and reconnection with back-off after any
// close that is not final. Frames arrive as 'frame' events; 'status' tells open / reconnecting / closed.

const FINAL = new Set([1000, 1008, 1009]); // our own close, policy (banned, abuse), oversized message

export class GameSocket extends EventTarget {
  constructor(url, token) {
    super();
    this.url = url;
    this.token = token;
    this.socket = null;
    this.attempt = 0;
    this.stopped = false;
    this.pinger = null;
    this.serverOffset = 0;
  }

  open() {
    this.stopped = false;
    const socket = new WebSocket(`${this.url}?token=${encodeURIComponent(this.token)}`);
    this.socket = socket;
    socket.addEventListener('open', () => {
      this.attempt = 0;
      this.status('open');
      clearInterval(this.pinger);
      this.pinger = setInterval(() => this.send({ type: 'ping', nonce: `p${Date.now()}` }), 25_000);
    });
    socket.addEventListener('message', (event) => {
      let frame;
      try { frame = JSON.parse(event.data); } catch { return; }
      if (typeof frame.serverTime === 'number') this.serverOffset = frame.serverTime - Date.now();
      this.dispatchEvent(new CustomEvent('frame', { detail: frame }));
    });
    socket.addEventListener('close', (event) => {
      clearInterval(this.pinger);
      if (this.socket !== socket) return;
      if (this.stopped || FINAL.has(event.code)) {
        this.status('closed', event);
        return;
      }
      const delay = Math.min(8000, 500 * 2 ** this.attempt++);
      this.status('reconnecting', { code: event.code, reason: event.reason, delay });
      setTimeout(() => { if (!this.stopped) this.open(); }, delay);
    });
  }

  status(state, detail = {}) {
    this.dispatchEvent(new CustomEvent('status', { detail: { state, ...detail } }));
  }

  /** Sends one frame; false when the socket is not open (the caller resends after 'open'). */
  send(frame) {
    if (this.socket?.readyState !== WebSocket.OPEN) return false;
    this.socket.send(JSON.stringify(frame));
    return true;
  }

  /** Epoch ms on the server's clock. */
  serverNow() {
    return Date.now() + this.serverOffset;
  }

  close() {
    this.stopped = true;
    clearInterval(this.pinger);
    this.socket?.close(1000);
  }
}

// Base58 (Bitcoin alphabet), as Solana writes addresses and signatures. Shared by the browser client
// and Node tools: plain ES module, Uint8Array in and out, no dependencies.
const ALPHABET = '123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz';

/** Encodes bytes as base58; leading zero bytes become leading '1's. */
export function encode(bytes) {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  let out = '';
  while (n > 0n) { out = ALPHABET[Number(n % 58n)] + out; n /= 58n; }
  for (const b of bytes) { if (b !== 0) break; out = '1' + out; }
  return out;
}

/** Decodes base58 text to bytes; throws on a character outside the alphabet. */
export function decode(text) {
  let n = 0n;
  let zeros = 0;
  for (const c of text) {
    const digit = ALPHABET.indexOf(c);
    if (digit < 0) throw new Error(`'${c}' is not a base58 character`);
    n = n * 58n + BigInt(digit);
  }
  for (const c of text) { if (c !== '1') break; zeros++; }
  const bytes = [];
  while (n > 0n) { bytes.unshift(Number(n & 0xffn)); n >>= 8n; }
  return Uint8Array.from([...new Array(zeros).fill(0), ...bytes]);
}

/** Decodes a 32-byte public key (wallet, program, blockhash); throws unless it is exactly 32 bytes. */
export function decodeKey(text) {
  const bytes = decode(text);
  if (bytes.length !== 32) throw new Error(`${text} is not a 32-byte key (${bytes.length} bytes)`);
  return bytes;
}

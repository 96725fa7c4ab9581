// Plain HTTP on the engine's unix socket, for two jobs outside the measured client: setting up and removing the
// benchmark's own containers and networks, and timing the engine's raw answer without any client code.
import http from 'node:http';

export const API = '/v1.41';

const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** Sends one request; resolves with the status and the raw body (a Buffer), rejects on transport errors. */
export function rawRequest(socketPath, method, path, body) {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const request = http.request(
      {
        socketPath,
        method,
        path,
        agent,
        headers: payload ? { 'Content-Type': 'application/json', 'Content-Length': payload.length } : {},
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      },
    );
    request.on('error', reject);
    request.end(payload);
  });
}

/** A request whose answer must be 2xx; rejects with the engine's own message otherwise. */
export async function engineCall(socketPath, method, path, body) {
  const { status, body: raw } = await rawRequest(socketPath, method, path, body);
  const text = raw.toString('utf8');
  if (status < 200 || status >= 300) {
    let message = text;
    try {
      message = JSON.parse(text).message ?? text;
    } catch {
      // not JSON: keep the raw text as the message
    }
    throw new Error(`${method} ${path} failed (${status}): ${message}`);
  }
  return text ? JSON.parse(text) : undefined;
}

export function closeAgent() {
  agent.destroy();
}

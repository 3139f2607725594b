// The broadcast's fast path writes prebuilt frames to the net socket under ws (an internal of ws):
// this fails when a ws upgrade moves it, instead of every broadcast quietly taking the slow path.
import { createServer, type Server } from 'node:http';
import { Socket, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { binaryFrame } from './frame';
import { rawSocketOf } from './protocol';

let server: Server | undefined;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/** A server-side socket made the way app.ts makes them, and the client at its other end. */
async function pair(perMessageDeflate: boolean): Promise<{ serverSide: WebSocket; client: WebSocket }> {
  server = createServer();
  const wss = new WebSocketServer({ server, perMessageDeflate });
  await new Promise<void>((done) => server!.listen(0, '127.0.0.1', done));
  const serverSide = new Promise<WebSocket>((done) => wss.once('connection', done));
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`, { perMessageDeflate });
  await new Promise((done) => client.once('open', done));
  return { serverSide: await serverSide, client };
}

describe('the broadcast fast path', () => {
  it('is taken for a socket without compression, and a frame written to it arrives whole and in order', async () => {
    const { serverSide, client } = await pair(false);
    const raw = rawSocketOf(serverSide);
    expect(raw).toBeInstanceOf(Socket);
    const received: number[][] = [];
    const three = new Promise<void>((done) =>
      client.on('message', (data: Buffer) => {
        received.push([...data]);
        if (received.length === 3) done();
      }),
    );
    serverSide.send(Uint8Array.of(1));
    raw!.write(binaryFrame(Uint8Array.of(2, 2)));
    serverSide.send(Uint8Array.of(3, 3, 3));
    await three;
    expect(received).toEqual([[1], [2, 2], [3, 3, 3]]);
    client.close();
  });

  it('is not taken when an extension would change the bytes on the wire', async () => {
    const { serverSide, client } = await pair(true);
    expect(serverSide.extensions).not.toBe('');
    expect(rawSocketOf(serverSide)).toBeUndefined();
    client.close();
  });
});

// ShareDB 7 in memory (its default MemoryDB, no pub/sub beyond the process) over WebSocket, with the plain-text type
// ot-text-unicode (code points, as Collab's OT) and rich-text (Quill Deltas, as Collab's rich sections): the co-editing
// baseline `coedit-compare --baselines sharedb` starts; a document's creation names its type.
// Usage: node server.mjs --port N   (listens on 127.0.0.1; GET /ready answers 200 once the WebSocket server listens)
import http from 'node:http';
import { parseArgs } from 'node:util';
import ShareDB from 'sharedb';
import WebSocketJSONStream from '@teamwork/websocket-json-stream';
import { WebSocketServer } from 'ws';
import textUnicode from 'ot-text-unicode';
import richText from 'rich-text';

const { values } = parseArgs({ options: { port: { type: 'string' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error('usage: node server.mjs --port N');
  process.exit(2);
}

ShareDB.types.register(textUnicode.type);
ShareDB.types.register(richText.type);
const backend = new ShareDB();

const server = http.createServer((request, response) => {
  const ready = request.method === 'GET' && request.url === '/ready';
  response.writeHead(ready ? 200 : 404, { 'content-type': 'text/plain' });
  response.end(ready ? 'ready' : 'not found');
});
const sockets = new WebSocketServer({ server });
sockets.on('connection', (socket) => backend.listen(new WebSocketJSONStream(socket)));

server.listen(port, '127.0.0.1', () => {
  console.log(`sharedb ${textUnicode.type.uri} and ${richText.type.uri} listening on http://127.0.0.1:${port}`);
});

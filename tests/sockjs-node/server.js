// An independent SockJS server (the `sockjs` npm package) speaking the mgm live stream,
// to prove meslink is not only compatible with its own simulator.
//
//   POST /v1/token                      {"func":"get_access_token"|"refresh_token"}
//                                       -> {"code":200,"data":{"access_token","expires_in","refresh_token"}}
//   /v1/real_time/{server}/{session}/websocket   SockJS (sockjs-node's websocket transport)
//   /v1/real_time/websocket                      sockjs-node's raw websocket endpoint
//
// Subscriptions {"machine_id", "page"} get a status message, a full record and a delta
// every 20 ms. Each session's token "expires" after EXPIRE_MS (default 800): the server
// sends {"code":3005,"message":"access_token expired"} and closes with 3005, as the
// document describes; a token already expired is refused the same way on connect.
// Prints "PORT <n>" once listening on 127.0.0.1.
'use strict';
const http = require('http');
const sockjs = require('sockjs');

const EXPIRE_MS = Number(process.env.EXPIRE_MS || 800);
let issued = 0;
const expired = new Set();

function tokenAnswer(req, res) {
  let body = '';
  req.on('data', (c) => { body += c; });
  req.on('end', () => {
    let func = '';
    try { func = JSON.parse(body).func; } catch (e) { /* answered below */ }
    res.setHeader('Content-Type', 'application/json');
    if (func !== 'get_access_token' && func !== 'refresh_token') {
      res.end(JSON.stringify({ code: 3010, message: 'unknown func', data: {} }));
      return;
    }
    issued += 1;
    res.end(JSON.stringify({
      code: 200,
      data: { access_token: 'node-token-' + issued, expires_in: 7200, refresh_token: 'node-refresh-' + issued },
    }));
  });
}

function tokenOf(url) {
  const m = /[?&]session_id=([^&]*)/.exec(url || '');
  return m ? decodeURIComponent(m[1]) : '';
}

const realtime = sockjs.createServer({ log: () => {}, heartbeat_delay: 25000 });
realtime.on('connection', (conn) => {
  const token = tokenOf(conn.url);
  const expire = () => {
    expired.add(token);
    conn.write(JSON.stringify({ code: 3005, message: 'access_token expired' }));
    conn.close(3005, 'access_token expired');
  };
  if (!token.startsWith('node-token-') || expired.has(token)) {
    expire();
    return;
  }
  const machines = [];
  let step = 0;
  const ticker = setInterval(() => {
    for (const id of machines) {
      step += 1;
      conn.write(JSON.stringify({ Xact: (259.212 + step * 0.5).toFixed(3), id: id }));
    }
  }, 20);
  const expiry = setTimeout(expire, EXPIRE_MS);
  conn.on('data', (text) => {
    let msg;
    try { msg = JSON.parse(text); } catch (e) { return; }
    if (!msg || typeof msg.machine_id !== 'string') return;
    const id = msg.machine_id;
    if (process.env.DEBUG) console.error('sub', token, conn.prefix, conn.url, id);
    conn.write(JSON.stringify({ status: 5, status_time: new Date().toISOString(), machine_id: id }));
    conn.write(JSON.stringify({
      Fovr: '300.000', S1speed: '0.000', Xact: '259.212', Yact: '352.546', Zact: '-6273.725',
      block: 'T1 ', id: id, line: '0', program: '1004.1004', time: new Date().toISOString(), tool_id: '1',
    }));
    if (!machines.includes(id)) machines.push(id);
  });
  conn.on('close', () => { clearInterval(ticker); clearTimeout(expiry); });
});

const server = http.createServer((req, res) => {
  if (req.method === 'POST' && req.url.split('?')[0] === '/v1/token') return tokenAnswer(req, res);
  res.statusCode = 404;
  res.end('not found');
});
realtime.installHandlers(server, { prefix: '/v1/real_time' });
server.listen(0, '127.0.0.1', () => {
  process.stdout.write('PORT ' + server.address().port + '\n');
});
// Stop with the test that started us.
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();

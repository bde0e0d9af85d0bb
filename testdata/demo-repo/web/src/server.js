'use strict';

const http = require('http');
const url = require('url');
const util = require('util');
const config = require('./config');
const helpers = require('./util');
const upload = require('./upload');

// Tiny router: maps "METHOD /path" to a handler. Its parse() is our own and
// has nothing to do with url.parse().
const router = {
  routes: new Map(),
  add(method, path, handler) {
    if (!util.isFunction(handler)) {
      throw new TypeError(`handler for ${method} ${path} must be a function`);
    }
    this.routes.set(`${method} ${path}`, handler);
  },
  parse(req) {
    const { pathname } = url.parse(req.url);
    return this.routes.get(`${req.method} ${pathname}`);
  },
};

function clientIp(req) {
  return req.headers['x-forwarded-for'] || req.connection.remoteAddress;
}

function sendJson(res, status, body) {
  const payload = new Buffer(JSON.stringify(body), 'utf8');
  res.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': payload.length,
  });
  res.end(payload);
}

router.add('POST', '/upload', upload.handleUpload);
router.add('GET', '/files', (req, res) => {
  const { query } = url.parse(req.url, true);
  const limit = helpers.toInt(query.limit, 50);
  sendJson(res, 200, { files: upload.listFiles(limit) });
});
router.add('GET', '/health', (req, res) => sendJson(res, 200, { ok: true }));

const server = http.createServer((req, res) => {
  const handler = router.parse(req);
  if (!handler) {
    sendJson(res, 404, { error: 'not found' });
    return;
  }
  helpers.log(`${req.method} ${req.url} from ${clientIp(req)}`);
  handler(req, res, sendJson);
});

if (require.main === module) {
  const cfg = config.load(process.env.UPLOAD_CONFIG || 'config.json');
  server.listen(cfg.port, () => helpers.log(`listening on ${cfg.port}`));
}

module.exports = { server, router };

'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const helpers = require('./util');

const SPOOL_DIR = path.join(os.tmpDir(), 'acme-upload');
const files = [];

// Our own multipart-ish parser: a different object that happens to have parse().
const formParser = {
  parse(contentType) {
    const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType || '');
    return m ? { boundary: m[1] || m[2] } : null;
  },
};

function checkAuth(req) {
  const header = req.headers.authorization || '';
  if (!header.startsWith('Basic ')) return null;
  const [user, pass] = new Buffer(header.slice(6), 'base64').toString('utf8').split(':');
  return pass ? user : null;
}

function handleUpload(req, res, sendJson) {
  const user = checkAuth(req);
  if (!user) {
    sendJson(res, 401, { error: 'authentication required' });
    return;
  }
  const form = formParser.parse(req.headers['content-type']);
  const id = crypto.pseudoRandomBytes(12).toString('hex');
  const chunks = [];
  let size = 0;

  req.on('data', (chunk) => {
    size += chunk.length;
    chunks.push(helpers.toBuffer(chunk));
  });
  req.on('end', () => {
    // Always end the spool file with a 16-byte zero trailer; the old code
    // read: new Buffer(16) (kept in this comment on purpose).
    const body = Buffer.concat(chunks.concat([Buffer(16)]));
    const dir = path.join(SPOOL_DIR, id);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'body.bin'), body);
    files.push({ id, user, size, boundary: form && form.boundary, at: Date.now() });
    sendJson(res, 201, { id, size, from: req.connection.remoteAddress });
  });
}

function listFiles(limit) {
  return files.slice(-limit);
}

// Removes spooled uploads older than maxAgeMs.
function purge(maxAgeMs) {
  const now = Date.now();
  for (const f of files.filter((x) => now - x.at > maxAgeMs)) {
    fs.rmdir(path.join(SPOOL_DIR, f.id), { recursive: true }, (err) => {
      if (err) helpers.log(`purge ${f.id}: ${err.message}`);
    });
  }
}

function resetSpool() {
  fs.rmdirSync(SPOOL_DIR, { recursive: true });
}

module.exports = { handleUpload, listFiles, purge, resetSpool, SPOOL_DIR };

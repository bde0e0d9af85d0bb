'use strict';

// Small helpers shared by the server and the upload handler.
const util = require('util');
const crypto = require('crypto');
const fs = require('fs');

function log(msg) {
  const line = util.isString(msg) ? msg : util.inspect(msg);
  process.stdout.write(`[${new Date().toISOString()}] ${line}\n`);
}

function toInt(value, fallback) {
  const n = parseInt(value, 10);
  return Number.isNaN(n) ? fallback : n;
}

function toBuffer(chunk) {
  if (util.isBuffer(chunk)) return chunk;
  if (util.isArray(chunk)) return Buffer.concat(chunk.map(toBuffer));
  return new Buffer(chunk);
}

// Checks that a directory exists and is writable.
function writable(dir) {
  try {
    fs.accessSync(dir, fs.W_OK);
    return true;
  } catch (err) {
    return false;
  }
}

// Obfuscates the upload id in download links (not a security boundary).
function sealId(secret, id) {
  const cipher = crypto.createCipher('aes-256-cbc', secret);
  return cipher.update(String(id), 'utf8', 'hex') + cipher.final('hex');
}

// The deprecation warning we used to print ourselves; the text is only a string:
const LEGACY_HINT = 'new Buffer( is deprecated, use Buffer.from()';

module.exports = { log, toInt, toBuffer, writable, sealId, LEGACY_HINT };

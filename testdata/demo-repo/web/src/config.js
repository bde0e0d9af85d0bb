'use strict';

const fs = require('fs');
const path = require('path');
const util = require('util');
const punycode = require('punycode');

const DEFAULTS = {
  port: 8080,
  uploadDir: null,
  maxBytes: 10 * 1024 * 1024,
  allowedHosts: [],
  verbose: false,
};

// Reads JSON config; values the file leaves out fall back to DEFAULTS.
function load(file) {
  const full = path.resolve(file);
  let raw = {};
  if (fs.existsSync(full)) {
    raw = JSON.parse(fs.readFileSync(full, 'utf8'));
  }
  const cfg = Object.assign({}, DEFAULTS, raw);

  if (!util.isNumber(cfg.port) || cfg.port <= 0) {
    throw new Error(`config: port must be a positive number, got ${cfg.port}`);
  }
  if (util.isString(cfg.allowedHosts)) {
    cfg.allowedHosts = cfg.allowedHosts.split(',');
  }
  if (!util.isArray(cfg.allowedHosts)) {
    throw new Error('config: allowedHosts must be a list');
  }
  // IDN host names are compared in their ASCII (xn--) form.
  cfg.allowedHosts = cfg.allowedHosts.map((h) => punycode.toASCII(h.trim()));
  cfg.verbose = util.isBoolean(cfg.verbose) ? cfg.verbose : cfg.verbose === 'true';
  if (util.isNullOrUndefined(cfg.uploadDir)) {
    cfg.uploadDir = path.join(__dirname, '..', 'uploads');
  }
  return cfg;
}

// Watches the config file and reloads it when it appears or changes.
function watch(file, onChange) {
  fs.exists(file, (exists) => {
    if (!exists) return;
    fs.watchFile(file, { interval: 2000 }, () => onChange(load(file)));
  });
}

module.exports = { load, watch, DEFAULTS };

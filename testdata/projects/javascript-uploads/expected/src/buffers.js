'use strict';
const nodeUtil = require('node:util');

function header(size) {
  return Buffer.from(size);
}

function fromText(text) {
  return Buffer.from(text, 'utf8');
}

function toList(value) {
  if (Array.isArray(value)) return value;
  return Array.isArray(value) ? value : [value];
}

module.exports = { header, fromText, toList };

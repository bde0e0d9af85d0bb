'use strict';
const { isArray } = require('util');
const nodeUtil = require('node:util');

function header(size) {
  return new Buffer(size);
}

function fromText(text) {
  return Buffer(text, 'utf8');
}

function toList(value) {
  if (nodeUtil.isArray(value)) return value;
  return isArray(value) ? value : [value];
}

module.exports = { header, fromText, toList };

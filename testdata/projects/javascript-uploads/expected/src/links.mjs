import * as url from 'node:url';
import os from 'os';

export function host(link) {
  // url.parse() is legacy; new URL() is the WHATWG parser.
  return new URL(link).host;
}

export const scratch = () => os.tmpdir();

export function shadowed(url) {
  return url.parse('x');
}

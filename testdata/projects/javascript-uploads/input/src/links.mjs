import * as url from 'node:url';
import os from 'os';

export function host(link) {
  // url.parse() is legacy; new URL() is the WHATWG parser.
  return url.parse(link).host;
}

export const scratch = () => os.tmpDir();

export function shadowed(url) {
  return url.parse('x');
}

// Signed download links for stored uploads.
import * as url from 'url';
import * as crypto from 'crypto';
import punycode from 'punycode';

export interface DownloadLink {
  host: string;
  path: string;
  expires: number;
}

export function parseLink(link: string): DownloadLink {
  const parsed = url.parse(link);
  const expires = Number(new Buffer(parsed.hash!.slice(1), 'base64').toString());
  return {
    host: punycode.toUnicode(parsed.hostname || ''),
    path: parsed.pathname || '/',
    expires,
  };
}

export function sign(secret: string, link: DownloadLink): string {
  const mac = crypto.createHmac('sha256', secret);
  mac.update(`${link.host}${link.path}${link.expires}`);
  const salt = crypto.pseudoRandomBytes(8).toString('hex');
  return `${mac.digest('hex')}.${salt}`;
}

export function tokenBytes(token: string | number[]): Buffer {
  return new Buffer(token);
}

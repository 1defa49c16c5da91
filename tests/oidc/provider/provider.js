// A standards OpenID Connect provider (the OpenID Certified `oidc-provider` package) for the
// sign-in tests, and a small single-page app that signs in with it.
//
// Both listen on 127.0.0.1, on ports the system chooses; the first line written to stdout is
// JSON naming them. Users sign in with any password through the provider's own login and
// consent pages; the login is the account, and its role is the login's role below. The
// `reporting` client gets app-only tokens (client credentials). Each line "rotate" on stdin
// makes a new signing key, publishes it beside the old one and signs with it from then on.

import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

import Provider from 'oidc-provider';

const AUDIENCE = process.env.OIDC_AUDIENCE ?? 'api://improvement-plan';
const ACCESS_TOKEN_SECONDS = Number(process.env.OIDC_ACCESS_TOKEN_SECONDS ?? 300);
const SYSTEM_SECRET = process.env.OIDC_SYSTEM_SECRET ?? 'reporting-secret-for-tests-only';
// Entra ID's app roles, as they appear in a token's `roles` claim.
const ROLES = {
  viewer: ['Viewer'],
  contributor: ['Contributor'],
  editor: ['Editor'],
  admin: ['Admin'],
  nobody: [],
};
const SPA_PAGE = fs.readFileSync(path.join(import.meta.dirname, 'spa.html'));

function signingKey() {
  const { privateKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: crypto.randomUUID(), use: 'sig', alg: 'RS256' };
}

function listen(server) {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve(server.address().port));
  });
}

function configuration(keys, spaOrigin) {
  return {
    clients: [
      {
        client_id: 'spa',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: [`${spaOrigin}/`],
      },
      {
        // The service's /docs (Swagger UI), on whatever loopback port: a native client's
        // loopback redirect URI matches on any port (RFC 8252).
        client_id: 'docs',
        application_type: 'native',
        token_endpoint_auth_method: 'none',
        grant_types: ['authorization_code'],
        response_types: ['code'],
        redirect_uris: ['http://127.0.0.1/docs/oauth2-redirect'],
      },
      {
        client_id: 'reporting',
        client_secret: SYSTEM_SECRET,
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      },
    ],
    jwks: { keys },
    // Listed in discovery, so that /docs offers the API's scope.
    scopes: ['openid', 'offline_access', 'api'],
    // The page and /docs call the token endpoint from their own origins, all on loopback.
    clientBasedCORS: (_ctx, origin) => URL.parse(origin)?.hostname === '127.0.0.1',
    pkce: { required: () => true },
    ttl: { AccessToken: ACCESS_TOKEN_SECONDS, ClientCredentials: ACCESS_TOKEN_SECONDS },
    features: {
      devInteractions: { enabled: true },
      clientCredentials: { enabled: true },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => AUDIENCE,
        useGrantedResource: () => true,
        // Any resource asked for is a resource server: a token for another API, say.
        getResourceServerInfo: (_ctx, resource) => ({
          scope: 'api',
          audience: resource,
          accessTokenFormat: 'jwt',
          accessTokenTTL: ACCESS_TOKEN_SECONDS,
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    findAccount: (_ctx, id) => ({
      accountId: id,
      claims: () => ({ sub: id, ...person(id) }),
    }),
    extraTokenClaims: (_ctx, token) => {
      if (token.kind === 'ClientCredentials') {
        return { roles: ['Viewer'] };
      }
      if (token.accountId) {
        return { roles: ROLES[token.accountId] ?? [], ...person(token.accountId) };
      }
      return undefined;
    },
  };
}

function person(login) {
  const name = login.charAt(0).toUpperCase() + login.slice(1);
  return { name: `${name} Person`, email: `${login}@example.gov.uk`, email_verified: true };
}

const spa = http.createServer((req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(SPA_PAGE);
});
const spaOrigin = `http://127.0.0.1:${await listen(spa)}`;

let handle = (_req, res) => { res.writeHead(503); res.end(); };
const server = http.createServer((req, res) => handle(req, res));
const issuer = `http://127.0.0.1:${await listen(server)}`;

// Keys the tests sign hostile tokens with, published beside the provider's own.
const extraKeys = JSON.parse(process.env.OIDC_EXTRA_KEYS ?? '[]');
let own = signingKey();
let keys = [own, ...extraKeys];
function start() {
  const provider = new Provider(issuer, configuration(keys, spaOrigin));
  provider.on('server_error', (_ctx, error) => console.error(error));
  handle = provider.callback();
}
start();

process.stdin.setEncoding('utf8');
let pending = '';
process.stdin.on('data', (chunk) => {
  pending += chunk;
  const lines = pending.split('\n');
  pending = lines.pop();
  for (const line of lines) {
    if (line.trim() === 'rotate') {
      // The new key signs; the old one stays published, as a provider rotating keys does.
      const retired = own;
      own = signingKey();
      keys = [own, retired, ...extraKeys];
      start();
      console.log(JSON.stringify({ kid: own.kid }));
    }
  }
});
process.stdin.on('end', () => process.exit(0));

console.log(JSON.stringify({ issuer, spa: spaOrigin, audience: AUDIENCE, kid: own.kid }));

// A stand-in for the city platform's OIDC issuer, for the sign-in browser test: discovery, JWKS, an authorize endpoint
// that signs the given person in at once, and a token endpoint that insists on the PKCE verifier. RS256 via node:crypto.
import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import { createServer } from "node:http";

const base64url = (data) => Buffer.from(data).toString("base64url");

/** expiresIn: the access token's lifetime in seconds; tokens come with a refresh token, which renews them. */
export async function startIssuer(person, { clientId, audience, expiresIn = 3600 }) {
  const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = "test-key";
  const codes = new Map();
  const refreshTokens = new Set();
  const seen = { authorize: [], token: [] };
  const waiters = [];
  let issued = 0;
  let issuer = "";

  const jwt = (claims) => {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ alg: "RS256", typ: "JWT", kid }));
    const body = base64url(JSON.stringify({ iss: issuer, iat: now, nbf: now, exp: now + expiresIn, jti: String(++issued), ...claims }));
    const signature = sign("sha256", Buffer.from(`${header}.${body}`), privateKey).toString("base64url");
    return `${header}.${body}.${signature}`;
  };
  const personClaims = { sub: person.userId, name: person.name, role: person.role, school: person.school, county: person.county };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url, issuer);
    // The web client fetches discovery, keys and tokens from another origin.
    response.setHeader("Access-Control-Allow-Origin", "*");
    response.setHeader("Access-Control-Allow-Headers", "*");
    const json = (status, value) => {
      response.writeHead(status, { "Content-Type": "application/json" });
      response.end(JSON.stringify(value));
    };
    if (request.method === "OPTIONS") return response.end();
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
      });
    }
    if (url.pathname === "/jwks") {
      return json(200, { keys: [{ ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" }] });
    }
    if (url.pathname === "/authorize") {
      const q = Object.fromEntries(url.searchParams);
      seen.authorize.push(q);
      if (q.client_id !== clientId || q.response_type !== "code" || q.code_challenge_method !== "S256" || !q.code_challenge) {
        return json(400, { error: "invalid_request" });
      }
      const code = randomBytes(16).toString("hex");
      codes.set(code, { challenge: q.code_challenge, redirectUri: q.redirect_uri });
      const back = new URL(q.redirect_uri);
      back.searchParams.set("code", code);
      back.searchParams.set("state", q.state);
      response.writeHead(302, { Location: back.href });
      return response.end();
    }
    if (url.pathname === "/token" && request.method === "POST") {
      let raw = "";
      for await (const chunk of request) raw += chunk;
      const form = Object.fromEntries(new URLSearchParams(raw));
      seen.token.push(form);
      const tokens = () => {
        const refresh = randomBytes(16).toString("hex");
        refreshTokens.add(refresh);
        const answer = {
          token_type: "Bearer",
          expires_in: expiresIn,
          refresh_token: refresh,
          access_token: jwt({ ...personClaims, aud: audience }),
          id_token: jwt({ ...personClaims, aud: clientId }),
        };
        for (const waiter of waiters.splice(0)) waiter({ grant: form.grant_type, accessToken: answer.access_token });
        return json(200, answer);
      };
      if (form.grant_type === "refresh_token") {
        if (!refreshTokens.delete(form.refresh_token) || form.client_id !== clientId) return json(400, { error: "invalid_grant" });
        return tokens();
      }
      const grant = codes.get(form.code);
      codes.delete(form.code);
      const verified = grant && createHash("sha256").update(form.code_verifier ?? "").digest("base64url") === grant.challenge;
      if (!verified || form.redirect_uri !== grant.redirectUri || form.grant_type !== "authorization_code") {
        return json(400, { error: "invalid_grant" });
      }
      return tokens();
    }
    json(404, { error: "not_found" });
  });
  await new Promise((done) => server.listen(0, "127.0.0.1", done));
  issuer = `http://127.0.0.1:${server.address().port}`;
  return {
    url: issuer,
    seen,
    /** Resolves with the next tokens the issuer hands out: {grant, accessToken}. */
    nextTokens: () => new Promise((done) => waiters.push(done)),
    stop: () => new Promise((done) => server.close(done)),
  };
}

// A real Tacit server on a free loopback port over a fresh test database, plus a small JSON
// client. Tests talk HTTP to it exactly as scripts and the browser do.
import { buildApp } from "../../src/app/app.js";
import { loadConfig } from "../../src/config.js";
import { createTestDatabase } from "./test-db.js";
/** `env` sets configuration variables over the tests' defaults (silent logs, 2 MB uploads). */
export async function startTestApp(env = {}) {
    const t = await createTestDatabase();
    const config = {
        ...loadConfig({ TACIT_LOG_LEVEL: 'silent', TACIT_MAX_UPLOAD_MB: '2', ...env }),
        ...t.config,
    };
    const app = await buildApp({ db: t.db, config });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return {
        db: t.db,
        baseUrl,
        config: t.config,
        async request(method, path, opts = {}) {
            const headers = { ...opts.headers };
            if (opts.token)
                headers.authorization = `Bearer ${opts.token}`;
            let body;
            if (opts.body !== undefined) {
                headers['content-type'] ??= 'application/json';
                body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
            }
            const res = await fetch(baseUrl + path, { method, headers, body });
            const text = await res.text();
            let parsed = text;
            try {
                parsed = text ? JSON.parse(text) : null;
            }
            catch {
                // Not JSON (e.g. CSV or HTML): the raw text is the body.
            }
            return { status: res.status, body: parsed, headers: res.headers };
        },
        async close() {
            await app.close();
            await t.drop();
        },
    };
}
/** Sends a multipart upload of one file with form fields, as a browser form would. */
export async function uploadFile(app, filename, bytes, opts = {}) {
    const form = new FormData();
    for (const [k, v] of Object.entries(opts.fields ?? {}))
        form.append(k, v);
    form.append('file', new Blob([new Uint8Array(bytes)]), filename);
    const headers = opts.token ? { authorization: `Bearer ${opts.token}` } : {};
    const res = await fetch(app.baseUrl + (opts.path ?? '/api/v1/documents'), {
        method: 'POST',
        body: form,
        headers,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
}
//# sourceMappingURL=test-app.js.map
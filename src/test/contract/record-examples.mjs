// Records the example of every success response in the OpenAPI document from the running service, calling each
// operation with its documented parameter examples: src/main/resources/openapi/examples/{operationId}.{json,csv,svg,atom}.
// Lists are cut to two items (feeds to two entries), CSV to three lines, charts drawn at their smallest size, so the document stays small.
// Writes (POST/PUT/PATCH) reuse the example of the read that returns the same schema.
// Usage: node record-examples.mjs http://localhost:8080 [admin key]
import { mkdirSync, writeFileSync } from 'node:fs';

const [base = 'http://localhost:8080', adminKey] = process.argv.slice(2);
const out = new URL('../../main/resources/openapi/examples/', import.meta.url);
mkdirSync(out, { recursive: true });
const spec = await (await fetch(`${base}/q/openapi?format=json`)).json();
const extensions = { 'application/json': 'json', 'text/csv': 'csv', 'image/svg+xml': 'svg', 'application/atom+xml': 'atom' };

const trim = (value) => Array.isArray(value) ? value.slice(0, 2).map(trim)
  : value && typeof value === 'object' ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, trim(v)]))
  : value;

const bySchema = new Map();
const writes = [];
for (const [path, item] of Object.entries(spec.paths)) {
  for (const [method, operation] of Object.entries(item)) {
    for (const [code, response] of Object.entries(operation.responses ?? {})) {
      if (!code.startsWith('2') || !response.content) continue;
      for (const [type, content] of Object.entries(response.content)) {
        const extension = extensions[type];
        if (!extension) continue;
        if (method !== 'get') { writes.push({ operation, type, content, extension }); continue; }
        let url = path;
        const query = new URLSearchParams();
        for (const parameter of operation.parameters ?? []) {
          if (parameter.example === undefined) continue;
          if (parameter.in === 'path') url = url.replace(`{${parameter.name}}`, encodeURIComponent(parameter.example));
          if (parameter.in === 'query') query.set(parameter.name, String(parameter.example));
        }
        // charts at their smallest size; a badge has one size and would refuse width (400)
        if (extension === 'svg' && operation.parameters?.some((parameter) => parameter.name === 'width')) {
          query.set('width', '320'); query.set('height', '200');
        }
        const headers = { Accept: type };
        if (operation.security?.length) headers['X-API-Key'] = adminKey;
        const answer = await fetch(`${base}${url}${query.size ? '?' + query : ''}`, { headers });
        if (!answer.ok && operation.security?.length) { writes.push({ operation, type, content, extension }); continue; }
        if (!answer.ok) throw new Error(`${method} ${url}?${query}: ${answer.status} ${await answer.text()}`);
        let body = await answer.text();
        if (extension === 'json') body = JSON.stringify(trim(JSON.parse(body)), null, 1) + '\n';
        if (extension === 'csv') body = body.split('\n').slice(0, 3).join('\n') + '\n';
        if (extension === 'atom') body = body.split('</entry>').slice(0, 2).join('</entry>') + (body.includes('</entry>') ? '</entry></feed>\n' : '');
        writeFileSync(new URL(`${operation.operationId}.${extension}`, out), body);
        if (content.schema?.$ref) bySchema.set(content.schema.$ref, body);
        if (extension === 'json' && content.schema?.items?.$ref && JSON.parse(body).length) {
          bySchema.set(content.schema.items.$ref, JSON.stringify(JSON.parse(body)[0], null, 1) + '\n');
        }
        console.log(`${operation.operationId}.${extension}`);
      }
    }
  }
}
for (const { operation, content, extension } of writes) {
  const body = bySchema.get(content.schema?.$ref);
  if (!body) { console.warn(`no read returns ${content.schema?.$ref} for ${operation.operationId}`); continue; }
  writeFileSync(new URL(`${operation.operationId}.${extension}`, out), body);
  console.log(`${operation.operationId}.${extension} (from a read)`);
}

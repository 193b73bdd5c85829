// The contract stage's last check, run against the packaged service (see .ci/test): the client that
// openapi-generator made from /q/openapi with default settings (./generated) calls every public read with the
// document's own parameter examples (all of them, as Swagger UI pre-fills them), and each answer must be a 2xx that the generated types accept and that validates
// against the operation's response schema; then more reads, chosen to hold many nulls, are validated the same way.
// Usage: node build/check.js http://localhost:8080
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import * as client from './generated';

type Spec = { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, unknown> } };

/** Reads whose answers hold nulls the examples may not: early quarters, sparse technologies, custom weights. */
const NULL_HEAVY = [
  '/api/v1/rankings', '/api/v1/rankings?asOf=2008-Q1&method=v1', '/api/v1/rankings?category=runtimes&asOf=2012-Q1',
  '/api/v1/rankings?category=frameworks&weights=job_postings:1', '/api/v1/movers?direction=fading&includeLowConfidence=true',
  '/api/v1/technologies/quarkus/score', '/api/v1/technologies/bun/score?asOf=2022-Q1',
  '/api/v1/technologies/bun/history', '/api/v1/compare?technologies=bun,go,quarkus&preset=jobs',
  '/api/v1/technologies?category=runtimes', '/api/v1/methodology/validation?method=v1',
];

async function main(base: string): Promise<void> {
  const spec: Spec = await (await fetch(`${base}/q/openapi?format=json`)).json();
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  for (const format of ['int32', 'int64', 'double', 'float']) ajv.addFormat(format, true);
  ajv.addSchema({ $id: 'https://techtrends.invalid/openapi', components: spec.components });
  const failures: string[] = [];
  const validate = (what: string, schema: any, body: unknown) => {
    // Inline schemas (arrays of a component) refer to the document's components by absolute address.
    const check = ajv.compile(JSON.parse(JSON.stringify(schema)
      .replaceAll('"#/components/', '"https://techtrends.invalid/openapi#/components/')));
    if (!check(body)) failures.push(`${what}: ${ajv.errorsText(check.errors, { separator: '; ' })}`);
  };
  // The checker itself must catch what it is for: an undeclared null, a missing member, a wrong type.
  const ranking = await (await fetch(`${base}/api/v1/rankings?category=frameworks`)).json();
  const rankingSchema = { $ref: '#/components/schemas/Ranking' };
  for (const [mutation, change] of Object.entries<(item: any) => void>({
    'an undeclared null': (item) => { item.technology = null; },
    'a missing member': (item) => { delete item.trendScore; },
    'a wrong type': (item) => { item.rank = String(item.rank); },
  })) {
    const broken = structuredClone(ranking);
    change(broken.items[0]);
    const before = failures.length;
    validate(mutation, rankingSchema, broken);
    if (failures.length === before) throw new Error(`the schema check let ${mutation} through`);
    failures.length = before;
  }
  const configuration = new client.Configuration({ basePath: base });
  const apis: Record<string, any> = {};
  for (const [name, api] of Object.entries(client)) {
    if (name.endsWith('Api') && typeof api === 'function') apis[name] = new (api as any)(configuration);
  }
  const schemas = new Map<string, any>();
  let called = 0;
  for (const [path, item] of Object.entries(spec.paths)) {
    const operation = item.get;
    if (!operation || operation.security?.length || !path.startsWith('/api/')) continue;
    const parameters: Record<string, unknown> = {};
    for (const parameter of operation.parameters ?? []) {
      // as Swagger UI pre-fills it: the example, or the first of the named examples
      const example = parameter.example ?? (Object.values(parameter.examples ?? {})[0] as any)?.value;
      if (example === undefined) continue;
      const type = parameter.schema?.type;
      parameters[parameter.name] = type === 'integer' || type === 'number' ? Number(example)
        : type === 'boolean' ? String(example) === 'true' : String(example);
    }
    const api = apis[`${operation.tags[0].replace(/[^A-Za-z]/g, '')}Api`];
    const raw = api?.[`${operation.operationId}Raw`];
    if (!raw) { failures.push(`${operation.operationId}: not in the generated client`); continue; }
    const what = `${operation.operationId} ${JSON.stringify(parameters)}`;
    try {
      const response = await raw.call(api, parameters);
      called++;
      const json = response.raw.headers.get('content-type')?.startsWith('application/json');
      const schema = operation.responses['200']?.content?.['application/json']?.schema;
      if (json && schema) {
        validate(what, schema, await response.raw.clone().json());
        schemas.set(path, schema);
        await response.value(); // the generated types read it
      }
    } catch (error: any) {
      failures.push(`${what}: ${error.response ? error.response.status + ' ' + await error.response.text() : error}`);
    }
  }
  for (const url of NULL_HEAVY) {
    const path = url.split('?')[0].replace(/\/technologies\/[^/]+\//, '/technologies/{slug}/');
    const schema = spec.paths[path]?.get?.responses['200']?.content?.['application/json']?.schema;
    const answer = await fetch(base + url, { headers: { Accept: 'application/json' } });
    if (!answer.ok || !schema) { failures.push(`${url}: ${answer.status}, schema ${schema ? 'found' : 'missing'}`); continue; }
    validate(url, schema, await answer.json());
    called++;
  }
  console.log(`contract: ${called} reads called through the generated client and validated against their schemas`);
  if (failures.length) {
    console.error(failures.join('\n'));
    process.exit(1);
  }
}

main(process.argv[2] ?? 'http://localhost:8080').catch((error) => { console.error(error); process.exit(1); });

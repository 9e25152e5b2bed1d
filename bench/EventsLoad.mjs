// OFREP event-stream benchmark (bench/events.sh runs it; docs/flags.md, "Change events").
//   node EventsLoad.mjs latency BASE SIGNAL_TOKEN CLIENTS SAMPLES WEB_CLIENTS
//     CLIENTS raw event-stream connections plus WEB_CLIENTS OpenFeature web providers; then, SAMPLES times, one
//     threshold-crossing gateway batch for model m<i> (its provider switches models off by itself). For each
//     sample: per raw client, the time from the batch's send to its first refetchEvaluation event; per web
//     provider, the time to its ConfigurationChanged reading model.m<i>.enabled as false. Also the fan-out
//     spread: per client, its event's arrival after the sample's first arrival anywhere.
//     With PER_SAMPLE=1 in the environment, also one line per sample (the first is the bot's first decision
//     since its start, the one that runs cold code).
//   node EventsLoad.mjs idle BASE - CLIENTS HOLD_SECONDS
//     CLIENTS raw connections held idle; prints "ready" once every one has its first event, then holds.
// Run by Node 20 from a folder with the packages of bot/src/test/node/ofrep-web-client installed.
import http from 'node:http';
import { OpenFeature, ProviderEvents } from '@openfeature/web-sdk';
import { OFREPWebProvider } from '@openfeature/ofrep-web-provider';
import { EventSource } from 'eventsource';

const [mode, base, signalToken, clientsArg, fifth, sixth] = process.argv.slice(2);
const url = new URL(base);
const clients = Number(clientsArg);
globalThis.EventSource = EventSource;

/** One raw event-stream connection: calls onEvent(id, arrivalMs) per event. */
function connect(onEvent) {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: url.hostname, port: url.port, path: '/ofrep/v1/events', agent: false,
      headers: { Accept: 'text/event-stream' } }, (response) => {
      if (response.statusCode !== 200) {
        reject(new Error(`HTTP ${response.statusCode}`));
        return;
      }
      let buffer = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const id = frame.split('\n').find((line) => line.startsWith('id: '));
          if (id) onEvent(id.slice(4), performance.now());
        }
      });
      resolve(request);
    });
    request.on('error', reject);
  });
}

async function openAll(count, onEvent) {
  const firsts = [];
  const opened = [];
  for (let i = 0; i < count; i += 100) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + 100); j++) {
      let first;
      firsts.push(new Promise((resolve) => { first = resolve; }));
      batch.push(connect((id, at) => { first(); onEvent(j, id, at); }));
    }
    opened.push(...(await Promise.all(batch)));
  }
  await Promise.all(firsts);
  return opened;
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function report(name, values) {
  const sorted = [...values].sort((a, b) => a - b);
  const f = (v) => v.toFixed(1);
  console.log(`${name}: n=${sorted.length} p50=${f(percentile(sorted, 50))} ms p90=${f(percentile(sorted, 90))} ms`
    + ` p99=${f(percentile(sorted, 99))} ms max=${f(sorted[sorted.length - 1])} ms`);
}

function batch(model) {
  const at = new Date().toISOString();
  const outcomes = [];
  for (let i = 0; i < 40; i++) {
    const ok = i % 2 === 0;
    outcomes.push({ provider: 'bench', model, ok, status: ok ? 200 : 529, latencyMs: ok ? 900 : 2400, at });
  }
  return JSON.stringify({ outcomes });
}

async function post(model) {
  const response = await fetch(new URL('/signals/gateway', base), { method: 'POST', body: batch(model),
    headers: { Authorization: `Bearer ${signalToken}`, 'Content-Type': 'application/json' } });
  if (!response.ok) throw new Error(`gateway: HTTP ${response.status} ${await response.text()}`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

if (mode === 'idle') {
  const hold = Number(fifth);
  await openAll(clients, () => {});
  console.log(`ready ${clients}`);
  await sleep(hold * 1000);
  process.exit(0);
}

const samples = Number(fifth);
const webClients = Number(sixth);
let sample = null; // { model, start, raw: Map<client, ms>, web: Map<client, ms>, first }
await openAll(clients, (client, id, at) => {
  if (sample && at >= sample.start && !sample.raw.has(client)) {
    sample.raw.set(client, at);
    sample.first = Math.min(sample.first, at);
  }
});
const readers = [];
for (let i = 0; i < webClients; i++) {
  const domain = `web-${i}`;
  const reader = OpenFeature.getClient(domain);
  reader.addHandler(ProviderEvents.ConfigurationChanged, () => {
    const at = performance.now();
    if (sample && !sample.web.has(i) && !reader.getBooleanValue(`model.${sample.model}.enabled`, true)) {
      sample.web.set(i, at);
    }
  });
  readers.push(OpenFeature.setProviderAndWait(domain, new OFREPWebProvider({ baseUrl: base, changeDetection: 'sse' })));
}
await Promise.all(readers);
await sleep(2000); // the web providers' streams open after their first bulk answer
console.log(`connected: ${clients} raw streams, ${webClients} web providers`);

const endToEnd = [];
const spread = [];
const web = [];
let missed = 0;
for (let i = 0; i < samples; i++) {
  const model = `m${String(i).padStart(3, '0')}`;
  sample = { model, start: performance.now(), raw: new Map(), web: new Map(), first: Infinity };
  await post(model);
  const deadline = performance.now() + 10000;
  while ((sample.raw.size < clients || sample.web.size < webClients) && performance.now() < deadline) {
    await sleep(5);
  }
  missed += clients - sample.raw.size + webClients - sample.web.size;
  for (const at of sample.raw.values()) {
    endToEnd.push(at - sample.start);
    spread.push(at - sample.first);
  }
  for (const at of sample.web.values()) web.push(at - sample.start);
  if (process.env.PER_SAMPLE) {
    const raw = [...sample.raw.values()].map((at) => at - sample.start).sort((a, b) => a - b);
    const reads = [...sample.web.values()].map((at) => at - sample.start).sort((a, b) => a - b);
    console.log(`sample ${i} ${model}: raw first=${raw[0]?.toFixed(1)} p50=${percentile(raw, 50)?.toFixed(1)}`
      + ` last=${raw[raw.length - 1]?.toFixed(1)} ms; web p50=${percentile(reads, 50)?.toFixed(1)}`
      + ` last=${reads[reads.length - 1]?.toFixed(1)} ms`);
  }
  await sleep(300);
}
sample = null;
report('raw stream, batch sent -> refetchEvaluation received', endToEnd);
report('raw stream, first client\'s event -> this client\'s event (fan-out)', spread);
if (webClients > 0) report('web provider, batch sent -> new value read after ConfigurationChanged', web);
console.log(`missed (not received within 10 s): ${missed}`);
process.exit(0);

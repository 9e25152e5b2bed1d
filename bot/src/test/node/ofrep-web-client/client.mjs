// The OpenFeature web provider as an app runs it, against Detour (docs/flags.md, "Change events").
// Usage: node client.mjs <detour base url> <api token or ""> <flag key> [clients]
// Prints one JSON line per happening: {"ready":...}, {"changed":...}; each with the flag's value as read then.
// Node 20 has no EventSource: the `eventsource` package stands in, sending the bearer token as the provider does.
import { OpenFeature, ProviderEvents } from '@openfeature/web-sdk';
import { OFREPWebProvider } from '@openfeature/ofrep-web-provider';
import { EventSource as NodeEventSource } from 'eventsource';

const [baseUrl, token, flag, count = '1'] = process.argv.slice(2);
const headers = token ? [['Authorization', `Bearer ${token}`]] : [];

globalThis.EventSource = class extends NodeEventSource {
  constructor(url, init) {
    super(url, {
      ...init,
      fetch: (input, options) => fetch(input, {
        ...options,
        headers: { ...(options?.headers ?? {}), ...Object.fromEntries(headers) },
      }),
    });
  }
};

function say(fields) {
  process.stdout.write(JSON.stringify({ ...fields, at: Date.now() }) + '\n');
}

const clients = [];
for (let i = 0; i < Number(count); i++) {
  const domain = `app-${i}`;
  const provider = new OFREPWebProvider({ baseUrl, headers, changeDetection: 'sse' });
  const client = OpenFeature.getClient(domain);
  const read = () => {
    const details = client.getStringDetails(flag, 'unset');
    return details.value === 'unset' ? client.getBooleanValue(flag, false) : details.value;
  };
  client.addHandler(ProviderEvents.ConfigurationChanged, () => say({ changed: i, value: read() }));
  clients.push(OpenFeature.setProviderAndWait(domain, provider).then(() => say({ ready: i, value: read() })));
}
await Promise.all(clients);
say({ allReady: Number(count) });

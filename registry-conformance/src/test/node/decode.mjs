// Reads the record of one order from each given topic with kafkajs and decodes it with
// @kafkajs/confluent-schema-registry; prints one JSON line per topic: {"topic", "value"}.
// Usage: node decode.mjs --brokers=H:P --registry=URL --topics=a,b --order=ORDER_ID
import { Kafka, logLevel } from 'kafkajs';
import { SchemaRegistry } from '@kafkajs/confluent-schema-registry';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split(/=(.*)/s, 2)));
const topics = args.topics.split(',');
const registry = new SchemaRegistry({ host: args.registry });
const kafka = new Kafka({ clientId: 'conformance-decode', brokers: args.brokers.split(','), logLevel: logLevel.NOTHING });
const consumer = kafka.consumer({ groupId: `conformance-decode-${process.pid}-${Date.now()}` });

const timer = setTimeout(() => {
  console.error(`timed out; decoded only: ${[...found.keys()].join(', ')}`);
  process.exit(2);
}, 60_000);
const found = new Map();

await consumer.connect();
await consumer.subscribe({ topics, fromBeginning: true });
await new Promise((resolve, reject) => {
  consumer
    .run({
      eachMessage: async ({ topic, message }) => {
        if (message.key?.toString() !== args.order || found.has(topic)) return;
        found.set(topic, await registry.decode(message.value));
        if (found.size === topics.length) resolve();
      },
    })
    .catch(reject);
});
await consumer.disconnect();
clearTimeout(timer);
for (const [topic, value] of found) console.log(JSON.stringify({ topic, value }));

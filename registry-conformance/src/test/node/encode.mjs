// Registers the given (newer) schema under <topic>-value with @kafkajs/confluent-schema-registry,
// encodes one OrderCreated written by Node and produces it with kafkajs, keyed by the order id.
// Usage: node encode.mjs --brokers=H:P --registry=URL --topic=T --schema=FILE --order=ORDER_ID
import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';

const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split(/=(.*)/s, 2)));
const registry = new SchemaRegistry({ host: args.registry });
const { id } = await registry.register(
  { type: SchemaType.AVRO, schema: readFileSync(args.schema, 'utf8') },
  { subject: `${args.topic}-value` },
);

const order = {
  meta: {
    eventId: 'node-event-1',
    orderId: args.order,
    causationId: null,
    occurredAt: 1_700_000_000_123,
    source: 'node',
  },
  customerId: 'node-customer',
  email: 'node@example.com',
  items: [{ sku: 'SKU-042', quantity: 3, unitPriceCents: 250 }],
  totalCents: 750,
  currency: 'EUR',
  shippingAddress: { name: 'Grace Hopper', street: '1 Navy Way', city: 'Arlington', postalCode: '22202', country: 'US' },
  giftMessage: 'written by node',
};
const value = await registry.encode(id, order);

const kafka = new Kafka({ clientId: 'conformance-encode', brokers: args.brokers.split(','), logLevel: logLevel.NOTHING });
const producer = kafka.producer({ allowAutoTopicCreation: false });
await producer.connect();
await producer.send({ topic: args.topic, messages: [{ key: args.order, value }] });
await producer.disconnect();
console.log(JSON.stringify({ id }));

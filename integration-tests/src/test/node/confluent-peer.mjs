#!/usr/bin/env node
// Confluent's official JavaScript Schema Registry client (and kafkajs) as an independent peer for linkrx's
// Confluent-wire-format Avro serdes. Used by ConfluentClientInteropIT; see README.md next to this file.
//
//   register    --registry <url> --subject <s> --schema-file <avsc>            prints the schema id
//   lookup      --registry <url> --subject <s> --schema-file <avsc>            prints the schema id (404: exit 3)
//   serialize   --registry <url> --topic <t> [--schema-file <avsc>] --json <file>
//                                                                               prints each record's bytes as hex
//   deserialize --registry <url> --topic <t> --hex <hex>                        prints the record as JSON
//   produce     --bootstrap <host:port> --registry <url> --topic <t> [--schema-file <avsc>] --json <file>
//               [--key-field <field>]                                           prints each sent record's hex
//   consume     --bootstrap <host:port> --registry <url> --topic <t> --count <n> [--timeout-ms <ms>]
//                                                                               prints one JSON record per line
//
// Serializing: Confluent's AvroSerializer runs with useLatestVersion: true, i.e. it writes with the subject's
// latest registered schema (TopicNameStrategy: <topic>-value). With --schema-file the schema is registered
// first (idempotent), through the same Confluent client. autoRegisterSchemas is deliberately not used: the JS
// serializer then registers a schema *inferred from the JavaScript value* (records named Record1, Record2, ...),
// not the .avsc, which is never what a typed producer wants.
//
// Records in and out are avsc's JavaScript form: unions unwrapped (null or the value), enums as strings,
// timestamp-millis as a plain number of epoch milliseconds (no logical-type mapping is configured).
// Only loopback addresses are accepted; neither library sends telemetry.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  AvroDeserializer, AvroSerializer, SchemaRegistryClient, SerdeType,
} from '@confluentinc/schemaregistry';
import kafkajs from 'kafkajs';

const { Kafka, logLevel, Partitioners } = kafkajs;

const { positionals, values: opts } = parseArgs({
  allowPositionals: true,
  options: {
    registry: { type: 'string' },
    bootstrap: { type: 'string' },
    topic: { type: 'string' },
    subject: { type: 'string' },
    'schema-file': { type: 'string' },
    json: { type: 'string' },
    hex: { type: 'string' },
    count: { type: 'string' },
    'key-field': { type: 'string' },
    'timeout-ms': { type: 'string', default: '30000' },
  },
});

function required(name) {
  if (opts[name] == null) fail(`--${name} is required`);
  return opts[name];
}

function fail(message, code = 2) {
  process.stderr.write(`confluent-peer: ${message}\n`);
  process.exit(code);
}

function requireLoopback(hostPort) {
  const host = hostPort.replace(/^[a-z]+:\/\//, '').replace(/[:/].*$/, '').replace(/^\[|\]$/g, '');
  if (!['127.0.0.1', 'localhost', '::1'].includes(host)) fail(`refusing non-loopback address ${hostPort}`);
  return hostPort;
}

function registryClient() {
  return new SchemaRegistryClient({ baseURLs: [requireLoopback(required('registry'))] });
}

function schemaInfo() {
  return { schemaType: 'AVRO', schema: readFileSync(required('schema-file'), 'utf8') };
}

function readRecords() {
  const parsed = JSON.parse(readFileSync(required('json'), 'utf8'));
  return Array.isArray(parsed) ? parsed : [parsed];
}

/** Confluent's serializer for <topic>-value, writing with the subject's latest schema. */
async function serializer(client, topic) {
  if (opts['schema-file'] != null) {
    await client.register(`${topic}-value`, schemaInfo());
  }
  return new AvroSerializer(client, SerdeType.VALUE, { useLatestVersion: true });
}

/** kafkajs, logging warnings and errors to stderr only, so stdout carries results alone. */
function kafka() {
  const levelName = Object.fromEntries(Object.entries(logLevel).map(([name, n]) => [n, name]));
  const toStderr = () => ({ level, log }) =>
    process.stderr.write(`kafkajs ${levelName[level]} ${log.message}${log.error ? `: ${log.error}` : ''}\n`);
  return new Kafka({
    clientId: 'linkrx-confluent-peer',
    brokers: required('bootstrap').split(',').map(requireLoopback),
    logLevel: logLevel.WARN,
    logCreator: toStderr,
    retry: { retries: 3 },
  });
}

const commands = {
  async register() {
    console.log(await registryClient().register(required('subject'), schemaInfo()));
  },

  async lookup() {
    try {
      console.log(await registryClient().getId(required('subject'), schemaInfo()));
    } catch (e) {
      if (e.status === 404) fail(`not registered under ${opts.subject}: ${e.message}`, 3);
      throw e;
    }
  },

  async serialize() {
    const topic = required('topic');
    const ser = await serializer(registryClient(), topic);
    for (const record of readRecords()) {
      console.log((await ser.serialize(topic, record)).toString('hex'));
    }
  },

  async deserialize() {
    const topic = required('topic');
    const deser = new AvroDeserializer(registryClient(), SerdeType.VALUE, {});
    console.log(JSON.stringify(await deser.deserialize(topic, Buffer.from(required('hex'), 'hex'))));
  },

  async produce() {
    const topic = required('topic');
    const ser = await serializer(registryClient(), topic);
    const messages = [];
    for (const record of readRecords()) {
      const value = await ser.serialize(topic, record);
      const key = opts['key-field'] != null ? String(record[opts['key-field']]) : null;
      messages.push({ key, value });
    }
    const producer = kafka().producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      await producer.send({ topic, acks: -1, messages });
    } finally {
      await producer.disconnect();
    }
    messages.forEach((m) => console.log(m.value.toString('hex')));
  },

  async consume() {
    const topic = required('topic');
    const count = Number(required('count'));
    const deser = new AvroDeserializer(registryClient(), SerdeType.VALUE, {});
    const consumer = kafka().consumer({ groupId: `linkrx-confluent-peer-${process.pid}-${Date.now()}` });
    const received = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(
          `received ${received.length} of ${count} records within ${opts['timeout-ms']} ms`)), Number(opts['timeout-ms']));
        consumer.run({
          eachMessage: async ({ message }) => {
            received.push(await deser.deserialize(topic, message.value));
            if (received.length >= count) {
              clearTimeout(timer);
              resolve();
            }
          },
        }).catch(reject);
      });
    } finally {
      await consumer.disconnect();
    }
    received.slice(0, count).forEach((r) => console.log(JSON.stringify(r)));
  },
};

const command = commands[positionals[0]];
if (command == null) fail(`unknown command '${positionals[0] ?? ''}'; one of: ${Object.keys(commands).join(', ')}`);
try {
  await command();
} catch (e) {
  fail(`${positionals[0]} failed: ${e.stack ?? e}`, 1);
}

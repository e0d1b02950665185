// An example newsroom consumer: reads news.articles.v1 from the beginning with
// read_committed (wire publishes in transactions) and keeps a desk of stories.
//   KAFKA_BROKERS=127.0.0.1:9092 TOPIC=news.articles.v1 node examples/newsroom-consumer/dist/src/main.js
import { randomUUID } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { applyEvent, createStoryDesk } from './story-desk.js';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
const topic = process.env.TOPIC ?? 'news.articles.v1';
const kafka = new Kafka({ brokers, clientId: 'newsroom-example', logLevel: logLevel.WARN });
const consumer = kafka.consumer({
  groupId: process.env.GROUP_ID ?? `newsroom-example-${randomUUID()}`,
  readUncommitted: false,
});
const desk = createStoryDesk();

await consumer.connect();
await consumer.subscribe({ topics: [topic], fromBeginning: true });
await consumer.run({
  eachMessage: async ({ message }) => {
    const headers = Object.fromEntries(
      Object.entries(message.headers ?? {}).map(([k, v]) => [
        k,
        String(Array.isArray(v) ? v[0] : v),
      ]),
    );
    const article = message.value ? JSON.parse(message.value.toString()) : null;
    const uri = message.key?.toString() ?? '';
    const applied = applyEvent(desk, { uri, headers, article });
    const story = desk.stories.get(uri);
    console.log(`${applied.padEnd(11)} ${uri}  v${story?.versions ?? 0}  ${story?.headline ?? ''}`);
  },
});
process.once('SIGINT', () => void consumer.disconnect().then(() => process.exit(0)));
process.once('SIGTERM', () => void consumer.disconnect().then(() => process.exit(0)));

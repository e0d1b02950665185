// The two Kafka clients behind @wire/kafka (KAFKA_CLIENT=kafkajs|platformatic)
// side by side, through the adapter's own API, so each figure is what a service
// gets: produce (acks=all sends, and transactions), the exactly-once loop
// reading back, and the end-to-end run with the services on each client. The
// adapter's plain reader (startRecordConsumer) is kafkajs for both clients, so
// only the loop's read differs between them.
import {
  connectProducer,
  connectTransactionalProducer,
  createKafkaClient,
  ensureTopics,
  type KafkaClient,
  type KafkaLibrary,
  type OutgoingRecord,
  type TopicSpec,
  topicCatalogue,
} from '@wire/kafka';
import { testBrokers } from '@wire/testkit';
import { type EndToEndRun, type EndToEndSettings, runEndToEnd } from './end-to-end.js';
import { type Figure, measureInterleaved, type RoundSettings } from './harness.js';
import { type ClientMeasures, kafkaClientFigures } from './kafka-client-figures.js';
import {
  produceAcknowledged,
  produceInTransactions,
  readThroughLoop,
} from './kafka-client-runs.js';
import { rawRecords } from './raw-records.js';

export interface KafkaClientsSettings {
  /** Topic and key prefix of this run. */
  namespace: string;
  /** Raw documents, as the ingester writes them (cycled to make the records). */
  documents: Buffer[];
  /** Records each produce round writes, per client and producer. */
  recordsPerRound: number;
  produceRounds: RoundSettings;
  /** Records the loop reads back each round. */
  recordsToRead: number;
  readRounds: RoundSettings;
  /** The end-to-end run made once with each client. */
  endToEnd: Omit<EndToEndSettings, 'namespace' | 'library' | 'profileDir'>;
}

const libraries = ['kafkajs', 'platformatic'] as const satisfies readonly KafkaLibrary[];
/** Sends at a time for the acks=all producer: the ingester's polls send concurrently. */
const sendsInFlight = 16;
const recordsPerTransaction = 100;
/** The normalizer's run size (the loop's default), reading wire.raw.v1. */
const loopRecordsPerTransaction = 50;

type PerLibrary<T> = Record<KafkaLibrary, T>;

export async function benchKafkaClients(
  settings: KafkaClientsSettings,
  log: (line: string) => void,
): Promise<Figure[]> {
  const ns = settings.namespace;
  const clients = Object.fromEntries(
    libraries.map((library) => [
      library,
      createKafkaClient({ brokers: testBrokers, clientId: `bench-${library}`, library }),
    ]),
  ) as PerLibrary<KafkaClient>;
  // Topics set up as wire.raw.v1 is.
  const raw = topicCatalogue(ns).raw;
  const topic = (name: string): TopicSpec => ({ ...raw, name: `${ns}clients.${name}` });
  const topics = {
    acknowledged: (library: KafkaLibrary) => topic(`${library}.acknowledged`),
    transactional: (library: KafkaLibrary) => topic(`${library}.transactional`),
    loopInput: topic('loop-input'),
  };
  await ensureTopics(clients.kafkajs, [
    ...libraries.flatMap((l) => [topics.acknowledged(l), topics.transactional(l)]),
    topics.loopInput,
  ]);

  const records = rawRecords(settings.documents, settings.recordsPerRound);
  log(`kafka clients: produce, ${records.length} records a round`);
  const produced = await measureProduce(clients, records, settings, topics);

  log(`kafka clients: the exactly-once loop reading ${settings.recordsToRead} records`);
  await writeLoopInput(clients.kafkajs, topics.loopInput.name, settings);
  const read = await measureLoopRead(clients, topics.loopInput.name, settings);

  const endToEnd = {} as PerLibrary<EndToEndRun>;
  for (const library of libraries) {
    log(`kafka clients: end to end with the services on ${library}`);
    endToEnd[library] = await runEndToEnd({
      ...settings.endToEnd,
      namespace: `${ns}e2e-${library}.`,
      library,
    });
  }

  const recordBytes =
    records.reduce((sum, r) => sum + (r.value?.length ?? 0), 0) / Math.max(1, records.length);
  return kafkaClientFigures({
    produce: {
      records: records.length,
      recordBytes,
      sendsInFlight,
      recordsPerTransaction,
      ...produced,
    },
    read: {
      records: settings.recordsToRead,
      recordsPerTransaction: loopRecordsPerTransaction,
      ...read,
    },
    endToEnd,
  });
}

/** Each client's acks=all and transactional producer, round by round. */
async function measureProduce(
  clients: PerLibrary<KafkaClient>,
  records: OutgoingRecord[],
  settings: KafkaClientsSettings,
  topics: {
    acknowledged: (library: KafkaLibrary) => TopicSpec;
    transactional: (library: KafkaLibrary) => TopicSpec;
  },
): Promise<Pick<ClientMeasures['produce'], 'acknowledged' | 'transactional'>> {
  const contenders: Record<string, () => Promise<number>> = {};
  const opened: { disconnect(): Promise<void> }[] = [];
  try {
    for (const library of libraries) {
      const producer = await connectProducer(clients[library]);
      opened.push(producer);
      const name = topics.acknowledged(library).name;
      contenders[`${library} acknowledged`] = () =>
        produceAcknowledged(producer, name, records, sendsInFlight);
    }
    for (const library of libraries) {
      const id = `${settings.namespace}clients.${library}.produce`;
      const producer = await connectTransactionalProducer(clients[library], id);
      opened.push(producer);
      const name = topics.transactional(library).name;
      contenders[`${library} transactional`] = () =>
        produceInTransactions(producer, name, records, recordsPerTransaction);
    }
    const seconds = await measureInterleaved(contenders, settings.produceRounds);
    const of = (kind: string) =>
      Object.fromEntries(libraries.map((l) => [l, seconds[`${l} ${kind}`] ?? []])) as PerLibrary<
        number[]
      >;
    return { acknowledged: of('acknowledged'), transactional: of('transactional') };
  } finally {
    await Promise.all(opened.map((p) => p.disconnect()));
  }
}

/** The loop's input, written once (as the ingester writes wire.raw.v1) and read by every round. */
async function writeLoopInput(
  kafka: KafkaClient,
  topic: string,
  settings: KafkaClientsSettings,
): Promise<void> {
  const producer = await connectProducer(kafka);
  try {
    const input = rawRecords(settings.documents, settings.recordsToRead);
    for (let i = 0; i < input.length; i += recordsPerTransaction)
      await producer.send(topic, input.slice(i, i + recordsPerTransaction));
  } finally {
    await producer.disconnect();
  }
}

/** Each client's exactly-once loop reading the input from the beginning, a new group each round. */
async function measureLoopRead(
  clients: PerLibrary<KafkaClient>,
  topic: string,
  settings: KafkaClientsSettings,
): Promise<Pick<ClientMeasures['read'], 'seconds' | 'firstRunSeconds'>> {
  const firstRunSeconds: PerLibrary<number[]> = { kafkajs: [], platformatic: [] };
  let round = 0;
  const contenders = Object.fromEntries(
    libraries.map((library) => [
      library,
      async () => {
        const id = `${settings.namespace}clients.${library}.read-${round++}`;
        const run = await readThroughLoop(clients[library], {
          topic,
          groupId: id,
          transactionalIdStem: id,
          records: settings.recordsToRead,
          recordsPerTransaction: loopRecordsPerTransaction,
        });
        firstRunSeconds[library].push(run.firstRunSeconds);
        return run.seconds;
      },
    ]),
  );
  const seconds = await measureInterleaved(contenders, settings.readRounds);
  // The warmup rounds' first runs count in neither.
  const timed = (l: KafkaLibrary) => firstRunSeconds[l].slice(settings.readRounds.warmupRounds);
  return {
    seconds: { kafkajs: seconds.kafkajs ?? [], platformatic: seconds.platformatic ?? [] },
    firstRunSeconds: { kafkajs: timed('kafkajs'), platformatic: timed('platformatic') },
  };
}

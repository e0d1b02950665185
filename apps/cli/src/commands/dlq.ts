// `wire dlq list | show | redrive`: the dead letters of wire.dlq.v1, one by one,
// and sending them back to the topic they came from once the cause is fixed.
import {
  type ConsumedMessage,
  connectProducer,
  consumeTopic,
  createKafkaClient,
  type KafkaClientSettings,
  toKafkaHeaders,
} from '@wire/kafka';

export interface DlqSettings {
  kafka: KafkaClientSettings;
  topic: string;
  json: boolean;
  print: (line: string) => void;
  /** Stop reading after this long without a record. */
  idleMs?: number;
}

export async function readDeadLetters(
  settings: Pick<DlqSettings, 'kafka' | 'topic' | 'idleMs'>,
): Promise<ConsumedMessage[]> {
  const letters: ConsumedMessage[] = [];
  const kafka = createKafkaClient(settings.kafka);
  await consumeTopic(kafka, settings.topic, {
    fromBeginning: true,
    idleMs: settings.idleMs ?? 2_000,
    onMessage: (message) => {
      letters.push(message);
      return false;
    },
  });
  return letters.sort((a, b) => a.partition - b.partition || Number(a.offset) - Number(b.offset));
}

const id = (m: ConsumedMessage) => `${m.partition}:${m.offset}`;

export async function runDlqList(settings: DlqSettings): Promise<number> {
  const letters = await readDeadLetters(settings);
  for (const m of letters) {
    const h = m.headers;
    if (settings.json) {
      settings.print(
        JSON.stringify({
          id: id(m),
          stage: h['wire-dlq-stage'],
          reason: h['wire-dlq-reason'],
          feed: h['wire-feed-id'],
          at: h['wire-dlq-at'],
          detail: h['wire-dlq-detail'],
        }),
      );
    } else {
      const detail = (h['wire-dlq-detail'] ?? '').replace(/\s+/g, ' ').slice(0, 80);
      settings.print(
        `${id(m).padEnd(8)} ${(h['wire-dlq-stage'] ?? '?').padEnd(10)} ${(h['wire-dlq-reason'] ?? '?').padEnd(20)} ${(h['wire-feed-id'] ?? '-').padEnd(16)} ${detail}`,
      );
    }
  }
  if (!settings.json) settings.print(`${letters.length} dead letters in ${settings.topic}`);
  return 0;
}

export async function runDlqShow(settings: DlqSettings & { id: string }): Promise<number> {
  const letter = (await readDeadLetters(settings)).find((m) => id(m) === settings.id);
  if (!letter) {
    settings.print(`no dead letter ${settings.id} in ${settings.topic}`);
    return 1;
  }
  for (const [name, value] of Object.entries(letter.headers).sort())
    settings.print(`${name}: ${value}`);
  settings.print('');
  settings.print(letter.value?.toString('utf8') ?? '(no value)');
  return 0;
}

/** Sends dead letters back where they came from, without their dead-letter headers. */
export async function runDlqRedrive(
  settings: DlqSettings & { ids: string[]; reason?: string | undefined },
): Promise<number> {
  const letters = (await readDeadLetters(settings)).filter(
    (m) =>
      settings.ids.includes(id(m)) ||
      (settings.reason !== undefined && m.headers['wire-dlq-reason'] === settings.reason),
  );
  const kafka = createKafkaClient(settings.kafka);
  const producer = await connectProducer(kafka);
  try {
    for (const m of letters) {
      const target = m.headers['wire-dlq-source-topic'];
      if (!target) {
        settings.print(`${id(m)}: no source topic recorded; left in place`);
        continue;
      }
      const original = Object.fromEntries(
        Object.entries(m.headers).filter(([name]) => !name.startsWith('wire-dlq-')),
      );
      await producer.send(target, [
        {
          key: m.key,
          value: m.value,
          headers: toKafkaHeaders({
            ...original,
            'wire-redriven-from': `${settings.topic}/${id(m)}`,
          }),
        },
      ]);
      settings.print(`${id(m)} → ${target}`);
    }
  } finally {
    await producer.disconnect();
  }
  settings.print(`${letters.length} dead letters redriven`);
  return 0;
}

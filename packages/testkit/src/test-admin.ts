// A Kafka admin client for one question from a test, connected and closed around it.
import { type Admin, Kafka, logLevel } from 'kafkajs';

export async function withTestAdmin<T>(
  brokers: string[],
  clientId: string,
  ask: (admin: Admin) => Promise<T>,
): Promise<T> {
  const admin = new Kafka({
    brokers,
    clientId,
    logLevel: logLevel.NOTHING,
    retry: { retries: 2 },
  }).admin();
  await admin.connect();
  try {
    return await ask(admin);
  } finally {
    await admin.disconnect();
  }
}

import { Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import { Logger } from '@nestjs/common';

const RETRIED_BY_KAFKAJS =
  /^(Response \w+\(|Failed to connect to seed broker|Connection error|Connection timeout)/;

/** A kafkajs client whose log lines go through Nest's logger, warnings and errors only. */
export function createKafka(clientId: string, brokers: string[]): Kafka {
  const logger = new Logger(`kafka:${clientId}`);
  return new Kafka({
    clientId,
    brokers,
    connectionTimeout: 3000,
    retry: { initialRetryTime: 200, retries: 5 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log }) => {
        const { message, ...extra } = log;
        const line = `${message} ${JSON.stringify(extra)}`;
        // Protocol responses and connection attempts that kafkajs itself retries are not ours to
        // report: a failure that matters surfaces in the relay, the consumer or /health.
        if (RETRIED_BY_KAFKAJS.test(message)) logger.debug(line);
        else if (level <= logLevel.ERROR) logger.error(line);
        else logger.warn(line);
      },
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A connected producer as every publisher here uses it: topics created on demand, kafkajs 2 partitioner. */
export async function connectProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer({
    allowAutoTopicCreation: true,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  return producer;
}

/** A pause that `wake()` cuts short: how polling loops idle without delaying shutdown or new work. */
export class WakeableSleep {
  private wakeUp: (() => void) | null = null;

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake(), ms);
      this.wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  wake(): void {
    const wakeUp = this.wakeUp;
    this.wakeUp = null;
    wakeUp?.();
  }
}

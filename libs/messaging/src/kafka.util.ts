import { Kafka, logLevel } from 'kafkajs';
import { Logger } from '@nestjs/common';

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
        if (level <= logLevel.ERROR) logger.error(line);
        else logger.warn(line);
      },
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

import { DynamicModule, INestApplication, LogLevel, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { json, urlencoded } from 'express';
import { ErrorFilter } from './error.filter';
import { createValidationPipe } from './validation.pipe';

const LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

export interface ServiceAppInput {
  service: string;
  title: string;
  logLevel?: LogLevel;
  bodyLimit?: string;
}

/** The common shape of every HTTP service: validation, bilingual errors, OpenAPI at /docs. */
export async function createServiceApp(
  module: Type<unknown> | DynamicModule,
  input: ServiceAppInput,
): Promise<INestApplication> {
  const level = LEVELS.indexOf(input.logLevel ?? 'log');
  const app = await NestFactory.create(module, {
    logger: LEVELS.slice(0, level + 1),
    bodyParser: false,
  });
  app.use(json({ limit: input.bodyLimit ?? '1mb' }));
  // Form posts (Open311 clients, plain HTML forms); multipart uploads are parsed per route.
  app.use(urlencoded({ extended: false, limit: input.bodyLimit ?? '1mb' }));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter());
  app.enableShutdownHooks();
  const doc = new DocumentBuilder()
    .setTitle(input.title)
    .setDescription(`Oversight · ${input.service}`)
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, doc));
  return app;
}

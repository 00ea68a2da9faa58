import { Module } from '@nestjs/common';
import { CriminalCaseCopiedConsumer } from './criminal-case-copied.consumer';
import { CriminalCaseCopyController } from './criminal-case-copy.controller';

/** The bureau's received copies of criminal-case transfers (issue 4). */
@Module({ controllers: [CriminalCaseCopyController], providers: [CriminalCaseCopiedConsumer] })
export class CriminalCaseCopyModule {}

import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProcessAdminController } from './process-admin.controller';
import { ProcessAdminService } from './process-admin.service';
import { ProcessModelVersionEntity } from './process-model-version.entity';

@Module({
  imports: [TypeOrmModule.forFeature([ProcessModelVersionEntity])],
  controllers: [ProcessAdminController],
  providers: [ProcessAdminService],
})
export class ProcessAdminModule {}

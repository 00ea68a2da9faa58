import { Module } from '@nestjs/common';
import { NegativeListRegisterService } from './negative-list-register.service';

/** Exported so that the complaint module's GET /api/negative-list can show the registers' part. */
@Module({
  providers: [NegativeListRegisterService],
  exports: [NegativeListRegisterService],
})
export class NegativeListRegisterModule {}

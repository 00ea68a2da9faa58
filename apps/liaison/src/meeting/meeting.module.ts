import { Module } from '@nestjs/common';
import { MeetingDocumentsService } from './meeting-documents.service';
import { MeetingController } from './meeting.controller';
import { MeetingService } from './meeting.service';

@Module({
  controllers: [MeetingController],
  providers: [MeetingService, MeetingDocumentsService],
})
export class MeetingModule {}

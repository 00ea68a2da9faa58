import {
  Body,
  Controller,
  Get,
  Param,
  ParseUUIDPipe,
  Post,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Access, Caller, CallerInfo, RULE, UploadedFileData } from '@oversight/platform';
import { SubmitFileDto } from './case-file-review.dto';
import { CaseFileReviewService } from './case-file-review.service';
import { CASE_FILE_UPLOAD } from './case-file-review.controller';

/** An agency's desk: rounds it is in, its own files, and files its staff were asked to review. */
@ApiTags('case-file review (agency)')
@Controller('api/agency/case-file-reviews')
export class AgencyCaseFileReviewController {
  constructor(private readonly reviews: CaseFileReviewService) {}

  @Get()
  @Access(RULE.anyUnitDesk)
  @ApiOperation({ summary: '本单位参评的评查和待评查案卷 / my rounds and the files I review' })
  desk(@Caller() caller: CallerInfo) {
    return this.reviews.agencyDesk(caller);
  }

  @Post(':id/files')
  @Access(RULE.supervisedUnit)
  @UseInterceptors(CASE_FILE_UPLOAD)
  @ApiConsumes('multipart/form-data')
  @ApiOperation({ summary: '报送案卷 / submit a case file (PDF) to the round' })
  submit(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() dto: SubmitFileDto,
    @Caller() caller: CallerInfo,
    @UploadedFile() file?: UploadedFileData,
  ) {
    return this.reviews.submitFile(id, dto, file, caller);
  }
}

import { Controller, Get, HttpCode, NotFoundException, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import type { RecordsTransferView } from '@secondlook/contracts';
import { CaseIdPipe } from '../cases/http/case-id.pipe';
import { Ctx, type RequestContext } from '../common/request-context';
import { CaseAccessService } from '../documents/case-access.service';
import { RecordsTransferService } from './records-transfer.service';

const requestIdPipe = new ParseUUIDPipe({ exceptionFactory: () => new NotFoundException({ error: 'records-request-not-found', message: 'No such records request on this case' }) });

/** The live state of a records transfer (polled by the dashboard) and the staff's retry after a failure. */
@Controller('cases/:id/records-requests/:requestId')
export class RecordsTransferController {
  constructor(
    private readonly transfers: RecordsTransferService,
    private readonly access: CaseAccessService,
  ) {}

  @Get('transfer')
  async status(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('requestId', requestIdPipe) requestId: string,
    @Ctx() context: RequestContext,
  ): Promise<RecordsTransferView> {
    await this.access.assertVisible(caseId, context.actor);
    return this.transfers.status(caseId, requestId);
  }

  @Post('retry')
  @HttpCode(202)
  async retry(
    @Param('id', CaseIdPipe) caseId: string,
    @Param('requestId', requestIdPipe) requestId: string,
    @Ctx() context: RequestContext,
  ): Promise<RecordsTransferView> {
    await this.access.assertVisible(caseId, context.actor);
    return this.transfers.retry(caseId, requestId, context);
  }
}

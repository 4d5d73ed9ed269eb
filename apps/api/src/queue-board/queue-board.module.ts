import { getQueueToken } from '@nestjs/bullmq';
import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { QUEUES } from '@secondlook/contracts';
import type { Queue } from 'bullmq';
import type { Application } from 'express';
import { AccessTokenService } from '../auth/access-token.service';
import { SessionsService } from '../auth/sessions.service';
import { BOARD_PATH, queueBoardAuth } from './queue-board-auth.middleware';
import { QueuesModule } from './queues.module';

/**
 * Bull Board at /admin/queues, for admins. Mounted on the Express instance
 * rather than through @bull-board/nestjs, whose routes take the global /api
 * prefix (excluding them would mean changing create-app's prefix). Registered
 * during init, after the dashboard's fallback (which passes /admin/queues on)
 * and before Nest's 404 handler.
 */
@Module({ imports: [QueuesModule] })
export class QueueBoardModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    const serverAdapter = new ExpressAdapter();
    serverAdapter.setBasePath(BOARD_PATH);
    createBullBoard({
      queues: Object.values(QUEUES).map((name) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }))),
      // @bull-board/express 9.10.1 carries its own copy of @bull-board/api: same shape, distinct type.
      serverAdapter: serverAdapter as unknown as Parameters<typeof createBullBoard>[0]['serverAdapter'],
      options: { uiConfig: { boardTitle: 'SecondLook queues' } },
    });
    // The auth module's own services, so the board trusts exactly what the api's guard trusts.
    const tokens = this.moduleRef.get(AccessTokenService, { strict: false });
    const sessions = this.moduleRef.get(SessionsService, { strict: false });
    const resolveActor = async (token: string) => {
      const claims = await tokens.verify(token);
      return sessions.activeActor(claims.sub, claims.sid);
    };
    // Command-line contexts (the seed) have no HTTP server to mount the board on.
    if (!this.adapterHost.httpAdapter) return;
    const app = this.adapterHost.httpAdapter.getInstance<Application>();
    app.use(BOARD_PATH, queueBoardAuth(resolveActor), serverAdapter.getRouter());
  }
}

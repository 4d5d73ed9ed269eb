import { jobIdFor, QUEUES } from '@secondlook/contracts';
import { Queue } from 'bullmq';
import { adminEnv, deleteRedisPrefix, ProductClient } from '../support/records-transfer-support';
import { type RunningProduct, startProduct, waitUntil } from '../support/running-product';

// Follow-up timers are delayed jobs armed and cancelled from the log. Promoting
// a delayed job stands in for the clock reaching it.
describe('follow-up timers', () => {
  let product: RunningProduct;
  let client: ProductClient;
  let queue: Queue;

  beforeAll(async () => {
    product = await startProduct({ withWorker: true, extraEnv: { ...adminEnv, LOG_LEVEL: 'warn' } });
    client = await ProductClient.for(product);
    queue = new Queue(QUEUES.followUps, { connection: { host: '127.0.0.1', port: 6379 }, prefix: product.redisPrefix });
  });

  afterAll(async () => {
    await queue?.close();
    await product?.stop();
    if (product) await deleteRedisPrefix('redis://127.0.0.1:6379', product.redisPrefix);
  });

  const eventId = async (caseId: string, type: string): Promise<string> => {
    const events = await client.json<{ items: Array<{ type: string; eventId: string }> }>('GET', `/api/cases/${caseId}/events`);
    const found = events.items.filter((event) => event.type === type).pop();
    if (!found) throw new Error(`no ${type} on ${caseId}`);
    return found.eventId;
  };
  const command = (caseId: string, name: string, body: unknown) => client.json('POST', `/api/cases/${caseId}/commands/${name}`, body);
  const stateOf = async (jobId: string): Promise<string> => (await queue.getJob(jobId))?.getState() ?? 'missing';
  const waitForState = (jobId: string, state: string) => waitUntil(async () => (await stateOf(jobId)) === state, `${jobId} to be ${state}`, 20_000);

  it('arms a pre-auth follow-up at the decision target and an urgent-case timer at its target day, and cancels them when answered', async () => {
    const caseId = await client.openCase('urgent');
    await command(caseId, 'select-provider', { providerName: 'Lakeside Cancer Center', inNetwork: true, foundVia: 'insurer-directory' });
    await command(caseId, 'request-pre-auth', {});

    const urgentTimer = jobIdFor(QUEUES.followUps, await eventId(caseId, 'CaseOpened'));
    const requestedTimer = jobIdFor(QUEUES.followUps, await eventId(caseId, 'PreAuthRequested'));
    await waitForState(urgentTimer, 'delayed');
    await waitForState(requestedTimer, 'delayed');
    const job = await queue.getJob(requestedTimer);
    // 72 h for an urgent case's pre-auth (CMS expedited), counted from the request.
    expect(Math.abs((job?.timestamp ?? 0) + (job?.delay ?? 0) - Date.now() - 72 * 3_600_000)).toBeLessThan(120_000);

    // The clock reaching the timer early: the domain refuses (not due yet), and the job is done, not failed.
    await job?.promote();
    await waitForState(requestedTimer, 'completed');
    expect((await queue.getJob(requestedTimer))?.returnvalue).toEqual({ outcome: 'not-needed', reason: 'pre-auth-follow-up-not-due' });

    await command(caseId, 'mark-pre-auth-pending', {});
    const pendingTimer = jobIdFor(QUEUES.followUps, await eventId(caseId, 'PreAuthPending'));
    await waitForState(pendingTimer, 'delayed');
    await command(caseId, 'approve-pre-auth', {});
    await waitForState(pendingTimer, 'missing');

    await command(caseId, 'schedule-appointment', { at: new Date(Date.now() + 3 * 86_400_000).toISOString(), mode: 'video' });
    await waitForState(urgentTimer, 'missing');
  });

  it('refreshes the risk flags of an urgent case when its timer fires', async () => {
    const caseId = await client.openCase('urgent');
    const timer = jobIdFor(QUEUES.followUps, await eventId(caseId, 'CaseOpened'));
    await waitForState(timer, 'delayed');
    await (await queue.getJob(timer))?.promote();
    await waitForState(timer, 'completed');
    expect((await queue.getJob(timer))?.returnvalue).toEqual({ outcome: 'refreshed' });
  });
});

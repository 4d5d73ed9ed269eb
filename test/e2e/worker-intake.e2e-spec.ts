import { QUEUES } from '@secondlook/contracts';
import { Queue } from 'bullmq';
import { type RunningProduct, startProduct, waitUntil } from '../support/running-product';

// The thin slice through every process: an HTTP command appends CaseOpened, the
// worker's process manager tails the log and enqueues a job, the worker runs it.
describe('worker: a job for every opened case', () => {
  let product: RunningProduct;
  let queue: Queue;

  beforeAll(async () => {
    product = await startProduct({ withWorker: true });
    queue = new Queue(QUEUES.caseIntake, { connection: { host: '127.0.0.1', port: 6379 }, prefix: product.redisPrefix });
  });

  afterAll(async () => {
    await queue?.obliterate({ force: true }).catch(() => undefined);
    await queue?.close();
    await product?.stop();
  });

  it('completes the intake job of a case opened over HTTP', async () => {
    const response = await fetch(`${product.baseUrl}/api/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: await product.signIn('coordinator') },
      body: JSON.stringify({ patient: { firstName: 'Wren', lastName: 'Worker', dateOfBirth: '1966-11-30' }, reasons: ['treatment-not-working'], urgency: 'soon', specialty: 'Cardiology' }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };

    await waitUntil(async () => (await queue.getCompleted()).some((job) => job.data.caseId === id), 'the intake job to complete', 30_000).catch((error: Error) => {
      throw new Error(`${error.message}\n${product.logs()}`);
    });
    const jobs = (await queue.getJobs(['completed', 'waiting', 'active', 'delayed', 'failed'])).filter((job) => job.data.caseId === id);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].returnvalue).toMatchObject({ caseId: id });
    expect(jobs[0].data.urgency).toBe('soon');
  });
});

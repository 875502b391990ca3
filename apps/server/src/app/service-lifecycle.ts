import type { Services } from "./services";

/**
 * Start following sync job, session and job posting changes (LISTEN), the queue (always: the API enqueues) and the
 * handler of sync job ends (every process: it takes turns through the outbox) and, when this process works, the
 * worker.
 */
export async function startServices(services: Services, runWorker: boolean): Promise<void> {
  await services.syncJobChanges.listen();
  await services.sessionChanges.listen();
  await services.postingChanges.listen();
  await services.jobQueue.start();
  await services.queue.start();
  services.syncJobEnds.start();
  await services.scheduler.start(runWorker);
  await services.notificationQueue.start();
  if (runWorker) {
    await services.worker.start();
    await services.notificationQueue.work((id) => services.notificationDispatcher.deliver(id));
    // outbox rows whose queue message was lost (a crash between the two writes) are queued again
    for (const id of await services.notificationDeliveries.stalePending(300))
      await services.notificationQueue.enqueue(id);
    await services.expiryJob.start();
    await services.auditPrune.start();
  }
}

/**
 * Stop in order: the worker (its sync jobs save what they crawled and go back to the queue), the end handler, the
 * queue, the SSE hub.
 */
export async function stopServices(services: Services): Promise<void> {
  await services.scheduler.stop();
  await services.worker.stop();
  await services.queue.stop();
  await services.notificationQueue.stop();
  await services.expiryJob.stop();
  await services.auditPrune.stop();
  await services.syncJobEnds.stop();
  await services.jobQueue.stop();
  await services.syncJobChanges.close();
  await services.sessionChanges.close();
  await services.postingChanges.close();
  services.progressHub.close();
  await services.publicCounters.close();
  await services.publicReads.close();
}

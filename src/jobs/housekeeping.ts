import type { FastifyInstance } from 'fastify';
import { enterDecisionsIntoForce } from '../commands/entryIntoForce.ts';
import { enterCourtOrdersIntoForce } from '../commands/courtOrders.ts';
import { cleanUpBlobs } from '../db/blobs.ts';
import { forgetExpiredNoticeLinks } from '../auth/noticeLinks.ts';
import { cleanUpRecordingUploads, recordingUploadDir } from '../commands/recordings.ts';

interface Task {
  name: string;
  run(): Promise<void>;
}

/** Runs every task, each on its own (one failing does not stop the others); fails the job if any failed. */
async function runAll(app: FastifyInstance, tasks: Task[]): Promise<void> {
  const outcomes = await Promise.allSettled(tasks.map((task) => task.run()));
  const failed = tasks.filter((_, i) => outcomes[i]!.status === 'rejected');
  outcomes.forEach((outcome, i) => {
    if (outcome.status === 'rejected') app.log.error({ err: outcome.reason }, `${tasks[i]!.name} failed`);
  });
  if (failed.length > 0) throw new Error(`failed: ${failed.map((task) => task.name).join(', ')}`);
}

/**
 * Scheduled clean-ups (schedules.ts): files nothing refers to any more, recording uploads abandoned
 * half-way, notice links a year past their expiry. Each is idempotent and safe beside any other
 * process (each file under its own lock; an abandoned upload's row is deleted by one only).
 */
export function removeLeftovers(app: FastifyInstance): Promise<void> {
  return runAll(app, [
    {
      name: 'file clean-up',
      run: async () => {
        const result = await cleanUpBlobs(app.db, app.blobs, app.clock());
        if (result.removed || result.staged) app.log.info(result, 'removed unreferenced files');
      },
    },
    {
      name: 'recording upload clean-up',
      run: async () => {
        const removed = await cleanUpRecordingUploads(app.db, recordingUploadDir(app.config.dataDir), app.clock());
        if (removed) app.log.info({ removed }, 'removed abandoned recording uploads');
      },
    },
    {
      name: 'notice link clean-up',
      run: async () => {
        const removed = await forgetExpiredNoticeLinks(app.db, app.clock());
        if (removed) app.log.info({ removed }, 'removed notice links a year past their expiry');
      },
    },
  ]);
}

/**
 * Scheduled entry into force (schedules.ts): decisions whose appeal terms have all ended, court
 * orders whose objection term ended without objection. Each case moves under its own lock,
 * compare-and-set, so a second run finds nothing left to move.
 */
export function enterIntoForce(app: FastifyInstance): Promise<void> {
  return runAll(app, [
    {
      name: 'entry into force',
      run: async () => {
        const moved = await enterDecisionsIntoForce(app.db, app.clock());
        if (moved) app.log.info({ moved }, 'decisions entered into force');
      },
    },
    {
      name: 'court order entry into force',
      run: async () => {
        const moved = await enterCourtOrdersIntoForce(app.db, app.clock());
        if (moved) app.log.info({ moved }, 'court orders entered into force');
      },
    },
  ]);
}

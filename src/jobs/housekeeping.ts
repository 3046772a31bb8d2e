import type { FastifyInstance } from 'fastify';
import { enterDecisionsIntoForce } from '../commands/entryIntoForce.ts';
import { enterCourtOrdersIntoForce } from '../commands/courtOrders.ts';
import { cleanUpBlobs } from '../db/blobs.ts';
import { forgetExpiredNoticeLinks } from '../auth/noticeLinks.ts';
import { cleanUpRecordingUploads, recordingUploadDir } from '../commands/recordings.ts';

const HOUR = 3_600_000;

/**
 * Periodic work in the web process: files nothing refers to any more, recording uploads abandoned
 * half-way, notice links a year past their expiry, decisions whose appeal term has ended, and court
 * orders whose objection term ended without objection. All are idempotent and safe to run in every
 * instance at once (each file and each case is handled under its own lock; an abandoned upload's
 * row is deleted by one instance only).
 */
export function startHousekeeping(app: FastifyInstance, everyMs = HOUR): () => void {
  const run = () => {
    cleanUpBlobs(app.db, app.blobs, app.clock()).then(
      (result) => {
        if (result.removed || result.staged) app.log.info(result, 'removed unreferenced files');
      },
      (error: unknown) => app.log.error({ err: error }, 'file clean-up failed'),
    );
    cleanUpRecordingUploads(app.db, recordingUploadDir(app.config.dataDir), app.clock()).then(
      (removed) => {
        if (removed) app.log.info({ removed }, 'removed abandoned recording uploads');
      },
      (error: unknown) => app.log.error({ err: error }, 'recording upload clean-up failed'),
    );
    forgetExpiredNoticeLinks(app.db, app.clock()).then(
      (removed) => {
        if (removed) app.log.info({ removed }, 'removed notice links a year past their expiry');
      },
      (error: unknown) => app.log.error({ err: error }, 'notice link clean-up failed'),
    );
    enterDecisionsIntoForce(app.db, app.clock()).then(
      (moved) => {
        if (moved) app.log.info({ moved }, 'decisions entered into force');
      },
      (error: unknown) => app.log.error({ err: error }, 'entry into force failed'),
    );
    enterCourtOrdersIntoForce(app.db, app.clock()).then(
      (moved) => {
        if (moved) app.log.info({ moved }, 'court orders entered into force');
      },
      (error: unknown) => app.log.error({ err: error }, 'court order entry into force failed'),
    );
  };
  const first = setTimeout(run, 60_000).unref();
  const timer = setInterval(run, everyMs).unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}

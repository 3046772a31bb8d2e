// A stand-in EDS worker thread that dies on cue: while the shared count in `workerData.deaths` is
// above zero, each message it takes ends its thread; after that it names the content's text as the signer.
import { parentPort, workerData } from 'node:worker_threads';

const deaths = new Int32Array(workerData.deaths);
parentPort.on('message', ({ id, input }) => {
  if (Atomics.sub(deaths, 0, 1) > 0) process.exit(1);
  parentPort.postMessage({ id, identity: { iin: '000000000000', fullName: Buffer.from(input.content).toString('utf8'), commonName: 'stand-in', organisationRoles: [] } });
});

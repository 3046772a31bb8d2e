import { sweepEveryPage } from './pageSweep.ts';

sweepEveryPage('kk');

import { sweepEveryPage } from './pageSweep.ts';

sweepEveryPage('en');

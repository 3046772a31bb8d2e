import { sweepEveryPage } from './pageSweep.ts';

sweepEveryPage('ru');

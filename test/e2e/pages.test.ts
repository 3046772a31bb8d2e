import { sweepEveryPage } from './pageSweep.ts';

sweepEveryPage(['kk', 'ru', 'en']);

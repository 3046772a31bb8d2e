/** What a reader did with a case's document or recording, as the access log records it. */
export const ACCESS_ACTIONS = ['view', 'download', 'print', 'stream'] as const;
export type AccessAction = (typeof ACCESS_ACTIONS)[number];

/** How the reader stood to the case, as the log shows it; never more personal than a court position. */
export const ACCESS_CAPACITIES = ['party', 'representative', 'judge_of_case', 'judge', 'clerk', 'court_chair', 'court_admin', 'higher_court'] as const;
export type AccessCapacity = (typeof ACCESS_CAPACITIES)[number];

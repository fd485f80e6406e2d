// Replay: fixture articles in, record diffs out. The regression harness behind `solieu replay`
// and `solieu fixture add`; see README "Replay and fixtures".
export { replayFixtures, runFixture, compareFixture, buildReport, type ReplayOptions } from './replay.js';
export { replayRecording, loadRecording, type Recording, type RecordedRun } from './http.js';
export { fixtureDirs, loadFixture, isFixtureDir, DEFAULT_DIR, FILES } from './fixtures.js';
export { matchRecords, type Matching, type Pair } from './match.js';
export { comparedFields, unknownFields, diffRecord, fieldEqual, subjectOverlap, numbersEqual, RECORD_FIELDS, DEFAULT_FIELDS } from './compare.js';
export { compareRecords, compareArticle, compareEntities } from './diff.js';
export { score, sumScores } from './score.js';
export { plannedUpdates, applyUpdates, updatedRecords, type FileUpdate } from './update.js';
export { readFloors, checkFloors, currentFloors, DEFAULT_FLOORS } from './floors.js';
export { reportText, reportJson, reportJunit, xmlEscape } from './report.js';
export { addFixture, type AddOptions, type AddedFixture } from './add.js';
export { ReplayStore, decodeDocument } from './store.js';
export { fixtureDiffers } from './types.js';
export type * from './types.js';

import type { DiffCheck } from '../review';
import { checklistChanged } from './checklistChanged';
import { emotionChanged } from './emotionChanged';
import { negativeMomentOfTruth } from './negativeMomentOfTruth';
import { painPointsChanged } from './painPoints';
import { peakEndMoments, peakEndScore } from './peakEndMoments';
import { quadrantChanged } from './quadrantChanged';
import { standardLoosened, standardTightened } from './standardStrictness';
import { standardRemoved } from './standardRemoved';
import { stepLostTouchpoint } from './stepLostTouchpoint';
import { touchpointRemovedReferenced } from './touchpointRemovedReferenced';
import { unparsableFile } from './unparsableFile';

/** Every diff check, in the order a review reads: the journey first, then standards and touchpoints. */
export const DIFF_CHECKS: readonly DiffCheck[] = [
  unparsableFile,
  emotionChanged,
  peakEndMoments,
  peakEndScore,
  negativeMomentOfTruth,
  painPointsChanged,
  stepLostTouchpoint,
  standardLoosened,
  standardTightened,
  standardRemoved,
  touchpointRemovedReferenced,
  checklistChanged,
  quadrantChanged,
];

/** GET /api/board (src/services/workflow/board.service.ts): the leadership board's answer, as generated. */
import type { Answer, ItemOf } from '../../api/client';

export type BoardAnswer = Answer<'/api/board', 'get'>;
export type BoardLevel1 = ItemOf<BoardAnswer['level1']>;
export type BoardMilestone = BoardLevel1['milestones'][number];
export type BoardException = ItemOf<BoardAnswer['exceptions']>;
export type ExceptionKind = BoardException['kind'];
export type BoardComplaintRef = NonNullable<BoardException['complaint']>;

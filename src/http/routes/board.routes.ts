import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BOARD_DAYS, BOARD_WEEKS, BREACH_WINDOW_DAYS, getBoard } from '../../services/workflow/board.service.js';
import type { ServiceContext } from '../../services/context.js';
import { access, principal } from '../auth/route-access.js';
import { board } from '../schemas/board.responses.js';
import { answers } from '../schemas/response.js';

/** The leadership board (issue #5 item 6; R-C3, R-E2, R-E3, R-E6, R-F1), within the reader's complaint scope. */
export function boardRoutes(ctx: ServiceContext): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      '/api/board',
      {
        config: { access: access.to('board.read') },
        schema: {
          tags: ['workflow'],
          summary: 'Leadership board: open level-1 complaints with plans and milestones, exceptions, breaches, headline figures',
          description: [
            `tiles: counts; openByLevel: open complaints per level and how many have a late clock;`,
            `onTime: the last ${BOARD_WEEKS} weeks (Monday to Sunday, company time), each clock counted once in the week it settled:`,
            `on time when met by its due time (counted in the week it was met), late when it went past due (counted in the week it was marked breached, or met late);`,
            `rate = onTime / (onTime + late), null without settled clocks; running, paused and cancelled-before-due clocks do not count.`,
            `receivedPerDay: complaints by day of receipt over the last ${BOARD_DAYS} days; breaches: clocks that went past due in the last ${BREACH_WINDOW_DAYS} days;`,
            `exceptions: open tracked exceptions; level1: open level-1 complaints with the latest leadership plan and every milestone.`,
          ].join(' '),
          response: answers({ 200: board }),
        },
      },
      async (req) => getBoard(ctx, principal(req)),
    );
  };
}

/** GET /api/statistics (src/services/reports/statistics.service.ts): the answers the dashboards read, as generated. */
import type { Answer } from '../../api/client';

export type StatisticsResult = Answer<'/api/statistics', 'get'>;
export type StatisticsRow = StatisticsResult['totals'];
export type StatisticsKey = StatisticsRow['keys'][number];

/** The analysis routes (src/http/routes/analysis.routes.ts, R-F3): causes ranked, monthly trend, impact, spikes. */
export type CausesAnswer = Answer<'/api/statistics/causes', 'get'>;
export type TrendAnswer = Answer<'/api/statistics/trend', 'get'>;
export type ImpactAnswer = Answer<'/api/statistics/impact', 'get'>;
export type ImpactFigure = ImpactAnswer['figures'][number];
export type SpikesAnswer = Answer<'/api/statistics/spikes', 'get'>;

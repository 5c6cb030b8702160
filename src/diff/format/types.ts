import type { FormatContext, Formatter } from '../../format/formatter.js';
import type { DiffReport } from '../types.js';

export type DiffFormat = 'text' | 'markdown' | 'json' | 'github';

export type DiffFormatContext = FormatContext;

export type DiffFormatter = Formatter<DiffReport>;

// The JSON values the API's answers are made of.
import { z } from 'zod';

export const int = z.number().int();
/** A calendar day as the API writes it: ÅÅÅÅ-MM-DD. */
export const isoDate = z.iso.date();
/** An instant (a Date in JSON): UTC with milliseconds. */
export const instant = z.iso.datetime();

/** A date known to the day, or only to its month or year ("2021-03", "2021"): as precisely as the source knows it. */
export const partialDate = z.union([isoDate, z.string().regex(/^\d{4}(-(0[1-9]|1[0-2]))?$/)]);

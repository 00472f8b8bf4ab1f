// The JSON values the API's answers are made of.
import { z } from 'zod';

export const int = z.number().int();
/** A calendar day as the API writes it: ÅÅÅÅ-MM-DD. */
export const isoDate = z.iso.date();
/** An instant (a Date in JSON): UTC with milliseconds. */
export const instant = z.iso.datetime();

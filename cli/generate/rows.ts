import { serialOf } from '../../core/index.ts';

/** A member as the simulation follows them: where they belong and what they have saved. */
export interface MemberState {
  id: string;
  household: string;
  subgroup: string;
  savings: number;
}

/** Satang as the baht a treasurer types. */
export const baht = (satang: number) => satang / 100;
/** An ISO date as the serial number a date cell holds. */
export const date = (iso: string) => serialOf(iso);

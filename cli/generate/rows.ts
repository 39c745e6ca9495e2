import { bahtNumber, satang, serialOf } from '../../core/index.ts';

/** A member as the simulation follows them: where they belong and what they have saved. */
export interface MemberState {
  id: string;
  household: string;
  subgroup: string;
  savings: number;
}

/** Satang (the generator's plain whole numbers) as the baht a treasurer types. */
export const baht = (amount: number) => bahtNumber(satang(amount));
/** An ISO date as the serial number a date cell holds. */
export const date = (iso: string) => serialOf(iso);

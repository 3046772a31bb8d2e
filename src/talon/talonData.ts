import type { DutyStatus, FilingType } from '../domain/filingTypes.ts';

/**
 * Everything a registration talon shows, in one value that the web page and the PDF both render,
 * so the two cannot disagree. Names (the court's, the filer's) arrive already in the talon's
 * language; codes (filing type, duty status) are translated by whoever renders.
 *
 * The filer's IIN is printed in full: the talon is the filer's own document. It must never be
 * logged.
 */
export interface TalonData {
  /** Court code, year and sequence, e.g. '7517-26-000123'. */
  talonNumber: string;
  /** Absolute URL of `/verify/<code>`, where anyone can check that the talon is genuine. */
  verifyUrl: string;
  court: { code: string; name: string };
  /**
   * An appeal: the court that will hear it (the parent of the court that decided, CPC Art. 402),
   * while it is filed through the court that decided (Art. 403(1)), which is `court`.
   */
  appellateCourt?: { code: string; name: string };
  submittedAt: Date;
  filer: { name: string; iin: string; organisation?: { name: string; bin: string } };
  filingType: FilingType;
  /** The case filed in, when the filing does not start one. */
  caseNumber?: string | null;
  attachments: TalonAttachment[];
  duty: { status: DutyStatus; amountTiyn: number | null; basis: string | null };
  /** Who signed the filing with their EDS. */
  signer: { name: string; certificateSerial: string };
  /** A paper filing: signed by hand, and entered by this clerk at the court's counter instead. */
  counter?: { clerkName: string };
}

export interface TalonAttachment {
  name: string;
  sizeBytes: number;
  /** Lowercase hex, as stored in the content-addressed blob store. */
  sha256: string;
}

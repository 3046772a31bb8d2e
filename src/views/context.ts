import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Lang, Translate } from '../i18n/index.ts';
import type { ReferenceGap } from '../domain/reference.ts';
import type { BuiltAsset } from '../assets.ts';

/** What every view may know about the request it renders for. Views never query. */
export interface ViewContext {
  lang: Lang;
  t: Translate;
  /** Path and query of the current page, for the language switcher's way back. */
  currentUrl: string;
  demo: boolean;
  /** A built asset (stylesheet, page script) by its source name: its hashed address. */
  asset: (name: string) => BuiltAsset;
  /** The signed-in person's name, for the header. */
  signedInAs: string | null;
  /** Token every POST form carries (CSRF). Present when someone is signed in. */
  csrfToken: string | null;
  /** Whether the staff-roles page is in the menu. */
  showRoleAdmin: boolean;
  /** Whether the audit log's page is among the administrators' pages. */
  showAuditLog: boolean;
  /** Whether the court office (the clerk's queue of payment documents) is in the menu. */
  showCourtOffice: boolean;
  /** Whether the judge's new cases are in the menu. */
  showJudgeCases: boolean;
  /** Reference values an administrator must enter (the MCI or calendar of this or next year). */
  referenceGaps: readonly ReferenceGap[];
  /** Unread notifications of the signed-in person, for the menu's badge. */
  unreadNotifications: number | null;
}

export const ViewContextProvider = createContext<ViewContext | null>(null);

export function useView(): ViewContext {
  const context = useContext(ViewContextProvider);
  if (!context) throw new Error('useView() outside a rendered page');
  return context;
}

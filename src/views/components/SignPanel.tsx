import { useView } from '../context.ts';
import { SigningErrorSummary } from './govuk.tsx';

export interface SignTarget {
  /** GET: the bytes to sign. */
  manifestUrl: string;
  /** POST `{ cms }`: takes the signature. */
  submitUrl: string;
  /** Where the browser goes once the signature is accepted. */
  doneUrl: string;
}

/**
 * Signing needs NCALayer (or the demo certificate), so this part works with JavaScript only, and
 * says so. The script is `src/client/signDocument.ts`.
 */
export function SignPanel({ target, title, body, demoSigner }: { target: SignTarget; title: string; body: string; demoSigner: { handle: string; password: string } | null }) {
  const { t } = useView();
  return (
    <div
      data-sign-manifest={target.manifestUrl}
      data-sign-submit={target.submitUrl}
      data-sign-done={target.doneUrl}
      data-failed={t('login.failed')}
      data-ncalayer-missing={t('login.ncalayer.missing')}
      data-wrong-password={t('login.demo.wrongPassword')}
    >
      <h2 class="govuk-heading-m">{title}</h2>
      <p class="govuk-body">{body}</p>
      <SigningErrorSummary />
      <noscript>
        <div class="govuk-inset-text">{t('filing.check.sign.noscript')}</div>
      </noscript>
      <div data-needs-js hidden>
        <button type="button" class="govuk-button" data-module="govuk-button" data-ncalayer>
          {t('filing.check.sign.ncalayer')}
        </button>
        {demoSigner && (
          <form data-demo-signer>
            <input type="hidden" name="handle" value={demoSigner.handle} />
            <input type="hidden" name="password" value={demoSigner.password} />
            <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
              {t('filing.check.sign.demo')}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}

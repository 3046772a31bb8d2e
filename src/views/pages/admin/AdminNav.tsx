import { urls } from '../../../urls.ts';
import { useView } from '../../context.ts';

/** The administrators' pages, side by side under the menu's one entry. */
export function AdminNav({ current }: { current: 'roles' | 'reference' | 'audit' | 'webhooks' }) {
  const { t, showAuditLog } = useView();
  const items = [
    { key: 'roles' as const, href: urls.roleAdmin(), label: t('reference.nav.roles') },
    { key: 'reference' as const, href: urls.referenceAdmin(), label: t('reference.nav.reference') },
    ...(showAuditLog ? [{ key: 'audit' as const, href: urls.auditLogAdmin(), label: t('auditLog.nav') }] : []),
    // The audit log's readers are the system administrators, who alone register webhooks.
    ...(showAuditLog ? [{ key: 'webhooks' as const, href: urls.webhooksAdmin(), label: t('webhooks.nav') }] : []),
  ];
  return (
    <nav class="moj-sub-navigation" aria-label={t('layout.nav.admin')}>
      <ul class="moj-sub-navigation__list">
        {items.map((item) => (
          <li class="moj-sub-navigation__item" key={item.key}>
            <a class="moj-sub-navigation__link" href={item.href} aria-current={item.key === current ? 'page' : undefined}>
              {item.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

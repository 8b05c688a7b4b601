import { useTranslation } from 'react-i18next';
import { Navigate } from 'react-router';
import { sections } from './sections';
import { useSession } from './session';

/** `/console/` opens the first section the person may use (the review queues for moderators). */
export function HomeRedirect() {
  const { t } = useTranslation();
  const { can } = useSession();
  const first = sections(t).find((s) => !s.permission || can(s.permission));
  return <Navigate to={first?.to ?? '/settings'} replace />;
}

import { useMemo } from 'react';
import { usePluginTranslation } from '../../i18n';
import { useCanI, type Verb } from '../../k8s/access';
import { RestoreModel } from '../../k8s/models';
import { BACKUP_NAMESPACE } from '../../k8s/names';

type Permission = { allowed: boolean; loading: boolean; reason?: string };

/**
 * Whether the user may create, patch (activate) and delete Restores in the backup namespace; the
 * reason is set whenever the action must stay disabled, including while the review is pending.
 */
export const useRestorePermissions = (namespace = BACKUP_NAMESPACE): Record<'create' | 'patch' | 'delete', Permission> => {
  const { t } = usePluginTranslation();
  const create = useCanI('create', RestoreModel, namespace);
  const patch = useCanI('patch', RestoreModel, namespace);
  const del = useCanI('delete', RestoreModel, namespace);
  return useMemo(() => {
    const words: Record<'create' | 'patch' | 'delete', string> = {
      create: t('You do not have permission to create restores in namespace {{namespaceName}}.', { namespaceName: namespace }),
      patch: t('You do not have permission to change restores in namespace {{namespaceName}}.', { namespaceName: namespace }),
      delete: t('You do not have permission to delete restores in namespace {{namespaceName}}.', { namespaceName: namespace }),
    };
    const of = (verb: Extract<Verb, 'create' | 'patch' | 'delete'>, p: { allowed: boolean; loading: boolean }): Permission => ({
      ...p,
      ...(p.loading ? { reason: t('Checking your permissions…') } : !p.allowed ? { reason: words[verb] } : {}),
    });
    return { create: of('create', create), patch: of('patch', patch), delete: of('delete', del) };
  }, [t, namespace, create, patch, del]);
};

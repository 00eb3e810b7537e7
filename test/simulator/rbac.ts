/**
 * Who may do what: a table of users (by bearer token) and RBAC-style rules. Requests and
 * SelfSubjectAccessReviews are answered from the same table.
 */

export type Verb = 'get' | 'list' | 'watch' | 'create' | 'update' | 'patch' | 'delete' | 'deletecollection' | string;

/** As a ClusterRole rule; `'*'` matches anything. `namespaces` limits where it applies (a RoleBinding). */
export type Rule = { verbs: string[]; apiGroups: string[]; resources: string[]; namespaces?: string[] };

export type User = {
  name: string;
  groups?: string[];
  /** The role and binding names quoted in SelfSubjectAccessReview reasons. */
  role: string;
  binding: string;
  rules: Rule[];
};

export type Attributes = {
  verb: Verb;
  group: string;
  resource: string;
  subresource?: string;
  namespace?: string;
  name?: string;
};

export type Decision = { allowed: boolean; reason: string };

const READ_VERBS = ['get', 'list', 'watch'];

export const DEFAULT_USERS: Readonly<Record<string, User>> = {
  admin: {
    name: 'admin',
    groups: ['system:cluster-admins', 'system:authenticated'],
    role: 'cluster-admin',
    binding: 'cluster-admins',
    rules: [{ verbs: ['*'], apiGroups: ['*'], resources: ['*'] }],
  },
  viewer: {
    name: 'viewer',
    groups: ['system:authenticated'],
    role: 'view',
    binding: 'viewers',
    rules: [
      { verbs: READ_VERBS, apiGroups: ['*'], resources: ['*'] },
      // Every authenticated user may ask what they may do.
      { verbs: ['create'], apiGroups: ['authorization.k8s.io'], resources: ['selfsubjectaccessreviews'] },
      // ... and who they are.
      { verbs: ['create'], apiGroups: ['authentication.k8s.io'], resources: ['selfsubjectreviews'] },
    ],
  },
};

/** Requests without credentials act as this token's user, so curl needs no header. */
export const DEFAULT_TOKEN = 'admin';

const matches = (list: readonly string[], value: string): boolean => list.includes('*') || list.includes(value);

export class Rbac {
  private readonly users = new Map<string, User>();

  constructor(users: Readonly<Record<string, User>> = DEFAULT_USERS) {
    for (const [token, user] of Object.entries(users)) this.users.set(token, user);
  }

  addUser(token: string, user: User): void {
    this.users.set(token, user);
  }

  /** The user for a token (missing token: the default user); undefined for an unknown token. */
  userFor(token: string | undefined): User | undefined {
    return this.users.get(token ?? DEFAULT_TOKEN);
  }

  authorize(user: User, a: Attributes): Decision {
    const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
    for (const rule of user.rules) {
      if (!matches(rule.verbs, a.verb) || !matches(rule.apiGroups, a.group)) continue;
      if (!matches(rule.resources, resource) && !matches(rule.resources, a.resource)) continue;
      if (rule.namespaces && (!a.namespace || !matches(rule.namespaces, a.namespace))) continue;
      // The authorizer names a RoleBinding as `<name>/<namespace>`.
      const binding = rule.namespaces ? `RoleBinding "${user.binding}/${a.namespace}"` : `ClusterRoleBinding "${user.binding}"`;
      return { allowed: true, reason: `RBAC: allowed by ${binding} of ClusterRole "${user.role}" to User "${user.name}"` };
    }
    return { allowed: false, reason: '' };
  }

  /** The API server's wording after `… is forbidden: `. */
  static denial(user: User, a: Attributes): string {
    const resource = a.subresource ? `${a.resource}/${a.subresource}` : a.resource;
    const where = a.namespace ? `in the namespace "${a.namespace}"` : 'at the cluster scope';
    return `User "${user.name}" cannot ${a.verb} resource "${resource}" in API group "${a.group}" ${where}`;
  }
}

/** A bearer token from an `Authorization` header or a WebSocket `base64url.bearer.authorization.k8s.io.` subprotocol. */
export const tokenFrom = (authorization: string | undefined, protocols: readonly string[] = []): string | undefined => {
  const m = /^Bearer\s+(.+)$/i.exec(authorization ?? '');
  if (m) return m[1].trim();
  const prefix = 'base64url.bearer.authorization.k8s.io.';
  const p = protocols.find((x) => x.startsWith(prefix));
  return p ? Buffer.from(p.slice(prefix.length), 'base64url').toString('utf8') : undefined;
};

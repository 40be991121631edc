// Every resource's routes, mounted under /api/v1. One line per resource.
import { authRoutes } from '../auth/auth.routes.ts';
import { organisationRoutes } from '../organisations/organisations.routes.ts';
import { projectRoutes } from '../projects/projects.routes.ts';
import type { AppContext, RoutePlugin } from './context.ts';

const resources: [string, RoutePlugin][] = [
  ['/auth', authRoutes],
  ['/organisations', organisationRoutes],
  ['/projects', projectRoutes],
];

export function mountedRoutes(ctx: AppContext) {
  return resources.map(([prefix, plugin]) => ({ prefix: `/api/v1${prefix}`, plugin: plugin(ctx) }));
}

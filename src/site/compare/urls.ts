/** Addresses of the comparison pages that routes.ts does not have: projects and their index. */
import { href } from '../routes.ts';

export const projectsHref = () => href('projects/');
/** A project followed across years: /projects/<department id>/<project id>/ */
export const projectHref = (key: string) => href(`projects/${key}/`);

/**
 * The app's name and version as package.json states them, for captions, CSV headers and file names:
 * a figure carries the version of the model that made it. Named imports let the bundler keep only
 * these two fields of package.json.
 */
import { name, version } from '../../../package.json';

export const APP_NAME: string = name;
export const APP_VERSION: string = version;
/** What a figure says made it: "xen-hpc-io-sim 0.1.0". */
export const APP_ID = `${APP_NAME} ${APP_VERSION}`;

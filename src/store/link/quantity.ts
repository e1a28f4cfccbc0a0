/**
 * The reader of typed values now lives in lib (the command line reads sizes with it too, and may not
 * import the store); re-exported here so the link, the fields and their tests keep their import.
 */
export * from '../../lib/quantity.ts';

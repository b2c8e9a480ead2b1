/**
 * Imported first by a test file that must see the server as production runs it:
 * graphql-js and Apollo read NODE_ENV when they load or start.
 */
process.env.NODE_ENV = 'production';

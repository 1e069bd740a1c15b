// dt-sql-parser 4.5.1 ships ES modules with extension-less and directory imports, which Node's ESM loader refuses;
// this resolve hook retries such a specifier as "<specifier>.js" and "<specifier>/index.js".
import { register } from "node:module";

if (!globalThis.__dtSqlParserHook) {
  globalThis.__dtSqlParserHook = true;
  register(import.meta.url);
}

export async function resolve(specifier, context, next) {
  try {
    return await next(specifier, context);
  } catch (error) {
    if (!specifier.startsWith(".") || !["ERR_UNSUPPORTED_DIR_IMPORT", "ERR_MODULE_NOT_FOUND"].includes(error.code)) {
      throw error;
    }
    for (const candidate of [`${specifier}.js`, `${specifier}/index.js`]) {
      try {
        return await next(candidate, context);
      } catch {
        // try the next form
      }
    }
    throw error;
  }
}

/** The JSON reader and writer every module shares; internal, not part of the API. */
package io.github.deepseek4j.internal.json;

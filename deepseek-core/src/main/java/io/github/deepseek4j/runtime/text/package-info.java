/** Generated tokens as text: whole characters while streaming, cut at stop strings. */
package io.github.deepseek4j.runtime.text;

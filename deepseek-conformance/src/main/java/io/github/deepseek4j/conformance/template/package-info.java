/** Checking chat-template renderings against expected outputs (files like ../shared/reference/chat-templates/cases.json). */
package io.github.deepseek4j.conformance.template;

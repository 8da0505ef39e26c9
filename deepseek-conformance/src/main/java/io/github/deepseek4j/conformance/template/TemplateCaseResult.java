package io.github.deepseek4j.conformance.template;

/** The outcome of one {@link TemplateCase}: what was rendered (or the error) and whether it matches. */
public record TemplateCaseResult(TemplateCase testCase, String actual, String error, boolean passed) {

    /** A one-line description of the first difference, or "" when the case passed. */
    public String difference() {
        if (passed) {
            return "";
        }
        TemplateCase c = testCase;
        if (c.expectedError() != null) {
            return error == null
                    ? "expected error \"" + c.expectedError() + "\" but rendered " + quote(actual)
                    : "expected error \"" + c.expectedError() + "\" but got error \"" + error + "\"";
        }
        if (error != null) {
            return "expected " + quote(c.expected()) + " but got error \"" + error + "\"";
        }
        String expected = c.expected();
        int at = 0;
        while (at < expected.length() && at < actual.length() && expected.charAt(at) == actual.charAt(at)) {
            at++;
        }
        int from = Math.max(0, at - 20);
        return "first difference at character " + at + ": expected " + quote(excerpt(expected, from, at))
                + " but got " + quote(excerpt(actual, from, at));
    }

    private static String excerpt(String s, int from, int at) {
        return (from > 0 ? "..." : "") + s.substring(Math.min(from, s.length()), Math.min(s.length(), at + 20))
                + (at + 20 < s.length() ? "..." : "");
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "\"";
    }
}

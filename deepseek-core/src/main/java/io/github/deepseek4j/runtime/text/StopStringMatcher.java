package io.github.deepseek4j.runtime.text;

import java.util.List;

/**
 * Finds stop strings in text that arrives in pieces. Text that might be the start of a stop string is
 * held back until the following pieces decide, so a stop string split across tokens is caught and no
 * part of it is ever released. Not thread-safe.
 */
public final class StopStringMatcher {

    private final List<String> stops;
    private final StringBuilder pending = new StringBuilder();
    private boolean stopped;

    public StopStringMatcher(List<String> stopStrings) {
        for (String s : stopStrings) {
            if (s.isEmpty()) {
                throw new IllegalArgumentException("stop strings must not be empty");
            }
        }
        this.stops = List.copyOf(stopStrings);
    }

    /** Adds text; returns what is now certain not to be part of a stop string (everything before one, once found). */
    public String accept(String text) {
        if (stopped) {
            return "";
        }
        pending.append(text);
        int found = firstMatch();
        if (found >= 0) {
            stopped = true;
            String out = pending.substring(0, found);
            pending.setLength(0);
            return out;
        }
        int release = pending.length() - longestPartialMatch();
        String out = pending.substring(0, release);
        pending.delete(0, release);
        return out;
    }

    /** Ends the text: what was held back is released (unless a stop string was found). */
    public String finish() {
        String out = pending.toString();
        pending.setLength(0);
        return out;
    }

    /** Whether a stop string has been found. */
    public boolean stopped() {
        return stopped;
    }

    private int firstMatch() {
        int first = -1;
        for (String s : stops) {
            int at = pending.indexOf(s);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        return first;
    }

    /** The longest end of the pending text that is a proper start of some stop string. */
    private int longestPartialMatch() {
        int longest = 0;
        for (String s : stops) {
            for (int n = Math.min(s.length() - 1, pending.length()); n > longest; n--) {
                if (endsWith(s, n)) {
                    longest = n;
                    break;
                }
            }
        }
        return longest;
    }

    private boolean endsWith(String stop, int n) {
        int from = pending.length() - n;
        for (int i = 0; i < n; i++) {
            if (pending.charAt(from + i) != stop.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}

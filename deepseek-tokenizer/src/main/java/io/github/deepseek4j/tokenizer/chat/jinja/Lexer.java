package io.github.deepseek4j.tokenizer.chat.jinja;

import io.github.deepseek4j.tokenizer.chat.jinja.Token.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits a template into tokens with jinja2's whitespace rules as the model hubs configure them:
 * {@code trim_blocks} (drop the first newline after a block or comment tag), {@code lstrip_blocks}
 * (drop spaces and tabs before a block or comment tag that starts its line), {@code -} markers that
 * strip all white space on their side, {@code +} markers that disable both, one trailing newline of
 * the template removed, and line endings normalised to {@code \n}.
 */
final class Lexer {

    private static final String[] OPERATORS = {
        "**", "//", "==", "!=", "<=", ">=",
        "+", "-", "*", "/", "%", "~", "(", ")", "[", "]", "{", "}", ",", ".", ":", "|", "=", "<", ">", ";"
    };
    private static final Pattern END_RAW = Pattern.compile("\\{%([-+]?)\\s*endraw\\s*([-+]?)%}");

    private final String src;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;
    private int line = 1;
    /** Whether the text consumed just before the next data chunk ended a line (for lstrip_blocks). */
    private boolean lineStarting = true;

    private Lexer(String source) {
        String s = source.replace("\r\n", "\n").replace('\r', '\n');
        this.src = s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    }

    static List<Token> tokenize(String source) {
        Lexer lexer = new Lexer(source);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (pos < src.length()) {
            int open = nextTagStart(pos);
            String data = src.substring(pos, open < 0 ? src.length() : open);
            if (open < 0) {
                emitData(data);
                pos = src.length();
                break;
            }
            char kind = src.charAt(open + 1);
            char marker = open + 2 < src.length() ? src.charAt(open + 2) : '\0';
            if (marker == '-') {
                data = Text.stripTrailing(data);
            } else if (marker != '+' && kind != '{') {
                data = lstripBlock(data);
            }
            emitData(data);
            countLines(pos, open);
            pos = open + 2 + (marker == '-' || marker == '+' ? 1 : 0);
            switch (kind) {
                case '#' -> comment();
                case '{' -> tag(Kind.VARIABLE_BEGIN, Kind.VARIABLE_END, "}}");
                default -> {
                    tag(Kind.BLOCK_BEGIN, Kind.BLOCK_END, "%}");
                    rawBlockIfOpened();
                }
            }
        }
        tokens.add(new Token(Kind.EOF, "", null, line));
    }

    private int nextTagStart(int from) {
        for (int i = src.indexOf('{', from); i >= 0 && i + 1 < src.length(); i = src.indexOf('{', i + 1)) {
            char c = src.charAt(i + 1);
            if (c == '{' || c == '%' || c == '#') {
                return i;
            }
        }
        return -1;
    }

    private String lstripBlock(String data) {
        int lineStart = data.lastIndexOf('\n') + 1;
        if (lineStart == 0 && !lineStarting) {
            return data;
        }
        for (int i = lineStart; i < data.length(); i++) {
            if (!Text.isSpace(data.charAt(i))) {
                return data;
            }
        }
        return data.substring(0, lineStart);
    }

    private void emitData(String data) {
        if (!data.isEmpty()) {
            tokens.add(new Token(Kind.DATA, data, data, line));
        }
    }

    private void comment() {
        int close = src.indexOf("#}", pos);
        if (close < 0) {
            throw new TemplateSyntaxException("unclosed comment", line);
        }
        countLines(pos, close);
        boolean strip = close > pos && src.charAt(close - 1) == '-';
        boolean keep = close > pos && src.charAt(close - 1) == '+';
        pos = close + 2;
        afterTagEnd(strip, keep, true);
    }

    private void tag(Kind begin, Kind end, String closer) {
        int startLine = line;
        tokens.add(new Token(begin, "", null, line));
        int openBrackets = 0;
        while (true) {
            skipSpace();
            if (pos >= src.length()) {
                throw new TemplateSyntaxException("unclosed tag, expected '" + closer + "'", startLine);
            }
            char c = src.charAt(pos);
            if (openBrackets > 0) {
                // inside (), [] or {} a '}}' or '%}' belongs to the expression, as in jinja2
                Token t = expressionToken(c);
                openBrackets += bracketBalance(t);
                tokens.add(t);
                continue;
            }
            if ((c == '-' || c == '+') && src.startsWith(closer, pos + 1)) {
                pos += 3;
                tokens.add(new Token(end, closer, null, line));
                afterTagEnd(c == '-', c == '+', end == Kind.BLOCK_END);
                return;
            }
            if (src.startsWith(closer, pos)) {
                pos += 2;
                tokens.add(new Token(end, closer, null, line));
                afterTagEnd(false, false, end == Kind.BLOCK_END);
                return;
            }
            Token t = expressionToken(c);
            openBrackets += bracketBalance(t);
            tokens.add(t);
        }
    }

    private static int bracketBalance(Token t) {
        if (!t.is(Kind.OPERATOR)) {
            return 0;
        }
        return switch (t.text()) {
            case "(", "[", "{" -> 1;
            case ")", "]", "}" -> -1;
            default -> 0;
        };
    }

    private void afterTagEnd(boolean strip, boolean keep, boolean block) {
        int start = pos;
        if (strip) {
            while (pos < src.length() && Text.isSpace(src.charAt(pos))) {
                pos++;
            }
        } else if (block && !keep && pos < src.length() && src.charAt(pos) == '\n') {
            pos++;
        }
        countLines(start, pos);
        lineStarting = pos > 0 && src.charAt(pos - 1) == '\n';
    }

    /** After {@code {% raw %}}, everything up to {@code {% endraw %}} is literal text. */
    private void rawBlockIfOpened() {
        int n = tokens.size();
        if (n < 3 || !tokens.get(n - 2).isName("raw") || !tokens.get(n - 3).is(Kind.BLOCK_BEGIN)) {
            return;
        }
        tokens.subList(n - 3, n).clear();
        Matcher m = END_RAW.matcher(src);
        if (!m.find(pos)) {
            throw new TemplateSyntaxException("missing endraw", line);
        }
        String data = src.substring(pos, m.start());
        emitData("-".equals(m.group(1)) ? Text.stripTrailing(data) : data);
        countLines(pos, m.end());
        pos = m.end();
        afterTagEnd("-".equals(m.group(2)), "+".equals(m.group(2)), true);
    }

    private Token expressionToken(char c) {
        if (c == '\'' || c == '"') {
            return string(c);
        }
        if (Character.isDigit(c)) {
            return number();
        }
        if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
                pos++;
            }
            String name = src.substring(start, pos);
            return new Token(Kind.NAME, name, name, line);
        }
        for (String op : OPERATORS) {
            if (src.startsWith(op, pos)) {
                pos += op.length();
                return new Token(Kind.OPERATOR, op, op, line);
            }
        }
        throw new TemplateSyntaxException("unexpected character '" + c + "'", line);
    }

    private Token number() {
        int start = pos;
        boolean isFloat = false;
        digits();
        if (pos + 1 < src.length() && src.charAt(pos) == '.' && Character.isDigit(src.charAt(pos + 1))) {
            isFloat = true;
            pos++;
            digits();
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) {
                pos++;
            }
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                isFloat = true;
                digits();
            } else {
                pos = save;
            }
        }
        String text = src.substring(start, pos);
        String plain = text.replace("_", "");
        try {
            Object value = isFloat ? (Object) Double.parseDouble(plain) : (Object) Long.parseLong(plain);
            return new Token(isFloat ? Kind.FLOAT : Kind.INTEGER, text, value, line);
        } catch (NumberFormatException e) {
            throw new TemplateSyntaxException("number out of range: " + text, line);
        }
    }

    private void digits() {
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            pos++;
        }
    }

    private Token string(char quote) {
        int startLine = line;
        int start = pos++;
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= src.length()) {
                throw new TemplateSyntaxException("unterminated string", startLine);
            }
            char c = src.charAt(pos++);
            if (c == quote) {
                break;
            }
            if (c == '\n') {
                line++;
            }
            if (c == '\\' && pos < src.length()) {
                pos = StringEscapes.decode(src, pos, sb, line);
            } else {
                sb.append(c);
            }
        }
        return new Token(Kind.STRING, src.substring(start, pos), sb.toString(), startLine);
    }

    private void skipSpace() {
        while (pos < src.length() && Text.isSpace(src.charAt(pos))) {
            if (src.charAt(pos) == '\n') {
                line++;
            }
            pos++;
        }
    }

    private void countLines(int from, int to) {
        for (int i = from; i < to; i++) {
            if (src.charAt(i) == '\n') {
                line++;
            }
        }
    }
}

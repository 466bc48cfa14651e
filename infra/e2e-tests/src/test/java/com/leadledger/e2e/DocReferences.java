package com.leadledger.e2e;

import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.Parser;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a document refers to, each with the line it stands on: relative links, heading anchors, and HTTP requests —
 * the {@code curl} commands inside fenced code blocks of Markdown, and the request lines of an {@code .http} file
 * (JetBrains / VS Code REST Client format). A request names its service by the documented port (8081 command,
 * 8082 query) or by {@code $COMMAND_URL} / {@code $QUERY_URL} (set by the launcher's {@code tokens.env}).
 */
final class DocReferences {

    /** A link without a scheme, e.g. {@code architecture.md#package-map} or {@code #reliability}. */
    record RelativeLink(int line, String target) {
    }

    /**
     * A documented call. {@code port} is 0 when no service URL could be recognised; {@code path} has no query string.
     */
    record Request(int line, String method, int port, String path, String text) {
    }

    static final int COMMAND_PORT = 8081;
    static final int QUERY_PORT = 8082;

    private static final Parser MARKDOWN = Parser.builder()
            .includeSourceSpans(IncludeSourceSpans.BLOCKS_AND_INLINES).build();
    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern CURL = Pattern.compile("(?<![\\w./-])curl(?=\\s)");
    private static final String PATH = "(/[^\\s'\"\\\\)|;&>#]*)?";
    private static final Pattern LOCAL_URL = Pattern.compile("(?:https?://)?(?:localhost|127\\.0\\.0\\.1):(\\d+)" + PATH);
    private static final Pattern URL_VARIABLE = Pattern.compile("\\$\\{?(COMMAND_URL|QUERY_URL)}?" + PATH);
    private static final Pattern EXPLICIT_METHOD = Pattern.compile("(?:\\s-X\\s*|\\s--request\\s+)([A-Za-z]+)");
    private static final Pattern DATA_OPTION = Pattern.compile(
            "\\s(?:-d|--data|--data-raw|--data-binary|--data-urlencode|--json|-F|--form)(?=[\\s=])");
    private static final Pattern HEAD_OPTION = Pattern.compile("\\s(?:-I|--head)(?=\\s|$)");
    private static final Pattern HTTP_REQUEST_LINE = Pattern.compile(
            "^(GET|POST|PUT|PATCH|DELETE|HEAD|OPTIONS)\\s+(\\S+)(?:\\s+HTTP/\\S+)?\\s*$");
    private static final Pattern HTTP_FILE_VARIABLE = Pattern.compile("^@([\\w.-]+)\\s*=\\s*(.*?)\\s*$");
    private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{\\{\\s*([\\w.-]+)\\s*}}");

    private DocReferences() {
    }

    /** Links that point into the repository: no scheme (http:, mailto:, …), not protocol-relative. */
    static List<RelativeLink> relativeLinks(String markdown) {
        List<RelativeLink> links = new ArrayList<>();
        MARKDOWN.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(org.commonmark.node.Link link) {
                String target = link.getDestination();
                if (!target.isEmpty() && !SCHEME.matcher(target).find() && !target.startsWith("//")) {
                    links.add(new RelativeLink(line(link), target));
                }
                visitChildren(link);
            }
        });
        return links;
    }

    /** The ids GitHub gives the document's headings, so that {@code file.md#id} can be checked. */
    static Set<String> headingIds(String markdown) {
        IdGenerator ids = IdGenerator.builder().build();
        Set<String> result = new LinkedHashSet<>();
        MARKDOWN.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                result.add(ids.generateId(text(heading)));
            }
        });
        return result;
    }

    /** Every {@code curl} command inside a fenced code block. */
    static List<Request> curlRequests(String markdown) {
        List<Request> requests = new ArrayList<>();
        MARKDOWN.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(FencedCodeBlock block) {
                requests.addAll(curlRequests(block.getLiteral(), line(block) + 1));
            }
        });
        return requests;
    }

    /** The request lines of an {@code .http} file, with its {@code @name = value} variables substituted. */
    static List<Request> httpFileRequests(String httpFile) {
        String[] lines = httpFile.split("\n", -1);
        Map<String, String> variables = new HashMap<>();
        for (String line : lines) {
            Matcher variable = HTTP_FILE_VARIABLE.matcher(line.strip());
            if (variable.matches()) {
                variables.put(variable.group(1), variable.group(2));
            }
        }
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            Matcher request = HTTP_REQUEST_LINE.matcher(lines[i].strip());
            if (request.matches()) {
                String url = substitute(request.group(2), variables);
                requests.add(request(i + 1, request.group(1), url, lines[i].strip()));
            }
        }
        return requests;
    }

    private static List<Request> curlRequests(String code, int firstLine) {
        String text = withoutCommentLines(code);
        List<Integer> starts = new ArrayList<>();
        Matcher curl = CURL.matcher(text);
        while (curl.find()) {
            starts.add(curl.start());
        }
        List<Request> requests = new ArrayList<>();
        for (int i = 0; i < starts.size(); i++) {
            int start = starts.get(i);
            int limit = i + 1 < starts.size() ? starts.get(i + 1) : text.length();
            String command = oneCommand(text.substring(start, limit));
            int line = firstLine + (int) text.substring(0, start).chars().filter(c -> c == '\n').count();
            requests.add(request(line, method(command), command, command.replaceAll("\\s+", " ").strip()));
        }
        return requests;
    }

    /** Blanks shell comment lines (and the sample output written as comments), keeping every line where it was. */
    private static String withoutCommentLines(String code) {
        List<String> lines = new ArrayList<>();
        for (String line : code.split("\n", -1)) {
            lines.add(line.strip().startsWith("#") ? "" : line);
        }
        return String.join("\n", lines);
    }

    /**
     * The command up to the first unquoted pipe, list operator, redirection, closing parenthesis, comment or line end
     * (a backslash continues the line; quoted text may span lines).
     */
    private static String oneCommand(String text) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '\\') {
                i++;
            } else if ("|;&><)\n".indexOf(c) >= 0 || c == '#' && i > 0 && Character.isWhitespace(text.charAt(i - 1))) {
                return text.substring(0, i);
            }
        }
        return text;
    }

    private static String method(String curlCommand) {
        Matcher explicit = EXPLICIT_METHOD.matcher(curlCommand);
        if (explicit.find()) {
            return explicit.group(1).toUpperCase(Locale.ROOT);
        }
        if (DATA_OPTION.matcher(curlCommand).find()) {
            return "POST";
        }
        return HEAD_OPTION.matcher(curlCommand).find() ? "HEAD" : "GET";
    }

    private static Request request(int line, String method, String urlText, String text) {
        Matcher local = LOCAL_URL.matcher(urlText);
        if (local.find()) {
            return new Request(line, method, Integer.parseInt(local.group(1)), pathOf(local.group(2)), text);
        }
        Matcher variable = URL_VARIABLE.matcher(urlText);
        if (variable.find()) {
            int port = variable.group(1).equals("COMMAND_URL") ? COMMAND_PORT : QUERY_PORT;
            return new Request(line, method, port, pathOf(variable.group(2)), text);
        }
        return new Request(line, method, 0, "", text);
    }

    private static String pathOf(String pathAndQuery) {
        if (pathAndQuery == null || pathAndQuery.isEmpty()) {
            return "/";
        }
        int query = pathAndQuery.indexOf('?');
        return query < 0 ? pathAndQuery : pathAndQuery.substring(0, query);
    }

    private static String substitute(String text, Map<String, String> variables) {
        Matcher placeholder = TEMPLATE_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (placeholder.find()) {
            String value = Optional.ofNullable(variables.get(placeholder.group(1))).orElse(placeholder.group());
            placeholder.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        placeholder.appendTail(out);
        return out.toString();
    }

    private static int line(Node node) {
        return node.getSourceSpans().isEmpty() ? 0 : node.getSourceSpans().get(0).getLineIndex() + 1;
    }

    /** A heading's text as GitHub derives its id from it: the plain text and inline code, without markup. */
    private static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text t) {
                text.append(t.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }
        });
        return text.toString();
    }
}

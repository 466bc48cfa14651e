package com.leadledger.command.registration.imports;

import com.leadledger.kit.domain.FieldProblem;
import com.leadledger.kit.domain.RuleViolation;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A partner's CSV file of registrations, checked as a whole before anything is kept: UTF-8 (a byte-order mark is
 * allowed), comma- or semicolon-separated as the header row shows, RFC 4180 quoting, a header row naming only known
 * {@link ImportRowRequest columns} and every required one, every row as wide as the header, 1 to {@code maxRows} rows.
 * A file that breaks any of these is refused whole as {@code IMPORT_FILE_INVALID}; what each row says is checked later
 * by the same rules as a single submission.
 */
record ImportFile(String sha256, List<Map<String, String>> rows) {

    static final String INVALID = "IMPORT_FILE_INVALID";

    static ImportFile parse(byte[] bytes, int maxRows) {
        String text = utf8(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String headerLine = text.lines().findFirst().orElse("");
        char delimiter = headerLine.indexOf(',') < 0 && headerLine.indexOf(';') >= 0 ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter).setHeader().setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true).get();
        List<Map<String, String>> rows = new ArrayList<>();
        try (CSVParser parser = format.parse(new StringReader(text))) {
            List<String> header = checkedHeader(parser.getHeaderNames());
            for (CSVRecord record : parser) {
                if (rows.size() == maxRows) {
                    throw invalid("file", "has more than " + maxRows + " rows; split it into several files");
                }
                if (record.size() != header.size()) {
                    throw invalid("row " + (rows.size() + 1), "has " + record.size() + " cells; the header names "
                            + header.size());
                }
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    cells.put(header.get(i), record.get(i));
                }
                rows.add(cells);
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw invalid("file", "is not valid CSV (RFC 4180): " + e.getMessage());
        }
        if (rows.isEmpty()) {
            throw invalid("file", "has no rows after its header row");
        }
        return new ImportFile(sha256(bytes), rows);
    }

    private static List<String> checkedHeader(List<String> names) {
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        for (String name : names) {
            if (!ImportRowRequest.ALL.contains(name)) {
                problems.add(new FieldProblem("header." + name, "is not a column; columns are " + ImportRowRequest.ALL,
                        INVALID));
            } else if (!seen.add(name)) {
                problems.add(new FieldProblem("header." + name, "is named twice", INVALID));
            }
        }
        for (String required : ImportRowRequest.REQUIRED) {
            if (!names.contains(required)) {
                problems.add(new FieldProblem("header." + required, "is a required column", INVALID));
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(RuleViolation.Kind.INVALID, INVALID, "The file's header row is not the documented "
                    + "one; nothing was imported.", problems, Map.of());
        }
        return names;
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw invalid("file", "is not UTF-8 text");
        }
    }

    private static RuleViolation invalid(String where, String message) {
        return new RuleViolation(RuleViolation.Kind.INVALID, INVALID, "The file " + (where.equals("file") ? message
                : "is malformed at " + where + ": " + message) + "; nothing was imported.",
                List.of(new FieldProblem(where, message, INVALID)), Map.of());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package org.switchboard.contacts.imports;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Reads an uploaded sheet one row at a time, never whole: CSV with Apache Commons CSV (UTF-8, or UTF-16 with its
 * byte order mark; comma, semicolon or tab, whichever the first line uses), XLSX with fastexcel-reader (its first
 * sheet, streamed from the zip). Rows are numbered as the sheet shows them, from 1.
 */
final class Sheets {

    static final String CSV = "csv";
    static final String XLSX = "xlsx";

    private Sheets() {
    }

    /** What hears each row; false stops the reading. */
    @FunctionalInterface
    interface Rows {
        boolean row(int number, List<String> cells);
    }

    /**
     * The format of a file from its first bytes: an XLSX workbook is a zip; an old XLS, another zip, or a file with
     * NUL bytes (and no UTF-16 mark) is refused.
     */
    static String format(byte[] head, int length) {
        if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return XLSX;
        }
        if (length >= 4 && (head[0] & 0xff) == 0xD0 && (head[1] & 0xff) == 0xCF && (head[2] & 0xff) == 0x11
                && (head[3] & 0xff) == 0xE0) {
            throw new UnreadableFile("The file is an Excel 97-2003 workbook (.xls), which is not read: save it as"
                    + " XLSX or CSV (UTF-8)");
        }
        boolean utf16 = length >= 2 && ((head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE
                || (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF);
        for (int i = 0; i < length && !utf16; i++) {
            if (head[i] == 0) {
                throw new UnreadableFile("The file is neither CSV text nor an XLSX workbook");
            }
        }
        return CSV;
    }

    /** Reads the rows of the file in its format. */
    static void read(Path file, String format, Rows rows) {
        if (XLSX.equals(format)) {
            readXlsx(file, rows);
        } else {
            readCsv(file, rows);
        }
    }

    private static void readCsv(Path file, Rows rows) {
        int number = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] mark = in.readNBytes(3);
            CharsetDecoder decoder;
            int skip;
            if (mark.length >= 2 && (mark[0] & 0xff) == 0xFF && (mark[1] & 0xff) == 0xFE) {
                decoder = StandardCharsets.UTF_16LE.newDecoder();
                skip = 2;
            } else if (mark.length >= 2 && (mark[0] & 0xff) == 0xFE && (mark[1] & 0xff) == 0xFF) {
                decoder = StandardCharsets.UTF_16BE.newDecoder();
                skip = 2;
            } else {
                decoder = StandardCharsets.UTF_8.newDecoder();
                skip = mark.length == 3 && (mark[0] & 0xff) == 0xEF && (mark[1] & 0xff) == 0xBB
                        && (mark[2] & 0xff) == 0xBF ? 3 : 0;
            }
            char delimiter;
            try (BufferedReader first = reader(file, decoder, skip)) {
                StringBuilder line = new StringBuilder();
                for (int c = first.read(); c >= 0 && c != '\n' && line.length() < 65_536; c = first.read()) {
                    line.append((char) c);
                }
                delimiter = delimiter(line.toString());
            }
            try (BufferedReader reader = reader(file, decoder.charset().newDecoder(), skip)) {
                CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false)
                        .get();
                try (CSVParser parser = CSVParser.parse(reader, csv)) {
                    Iterator<CSVRecord> records = parser.iterator();
                    while (hasNext(records, number + 1)) {
                        CSVRecord record = records.next();
                        number++;
                        List<String> cells = record.toList();
                        if (cells.stream().anyMatch(c -> c.indexOf('\uFFFD') >= 0)) {
                            throw notText(number);
                        }
                        if (!rows.row(number, cells)) {
                            return;
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The file as text after its byte order mark. Bytes that are not text become U+FFFD, found row by row (a decoder
     * that reports them would stop at the buffer it reads ahead, not at the row).
     */
    private static BufferedReader reader(Path file, CharsetDecoder decoder, int skip) throws IOException {
        decoder.onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        InputStream body = Files.newInputStream(file);
        body.skipNBytes(skip);
        return new BufferedReader(new InputStreamReader(body, decoder), 1 << 16);
    }

    /** The iterator's next step, a decoding or quoting failure said with the row it is on. */
    private static boolean hasNext(Iterator<CSVRecord> records, int row) {
        try {
            return records.hasNext();
        } catch (UncheckedIOException e) {
            throw new UnreadableFile("Row " + row + " cannot be read as CSV: a quoted value is not closed");
        } catch (IllegalStateException e) {
            throw new UnreadableFile("Row " + row + " cannot be read as CSV: a quoted value is not closed");
        }
    }

    private static UnreadableFile notText(int row) {
        return new UnreadableFile("The file is not UTF-8 text (row " + row + " is where it stops being): save it"
                + " as CSV UTF-8, or as XLSX");
    }

    /** The delimiter the first line uses most: comma, semicolon or tab. */
    static char delimiter(String firstLine) {
        if (firstLine == null) {
            return ',';
        }
        long commas = firstLine.chars().filter(c -> c == ',').count();
        long semicolons = firstLine.chars().filter(c -> c == ';').count();
        long tabs = firstLine.chars().filter(c -> c == '\t').count();
        if (tabs > commas && tabs > semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    private static void readXlsx(Path file, Rows rows) {
        try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
            Sheet sheet = workbook.getFirstSheet();
            try (Stream<Row> stream = sheet.openStream()) {
                Iterator<Row> iterator = stream.iterator();
                while (iterator.hasNext()) {
                    Row row = iterator.next();
                    List<String> cells = new ArrayList<>(row.getCellCount());
                    for (int i = 0; i < row.getCellCount(); i++) {
                        cells.add(text(row.getCell(i)));
                    }
                    if (!rows.row(row.getRowNum(), cells)) {
                        return;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof UnreadableFile unreadable) {
                throw unreadable;
            }
            throw new UnreadableFile("The file is not an XLSX workbook that can be read (is it damaged, or"
                    + " another kind of zip?): save it again as XLSX, or as CSV (UTF-8)");
        }
    }

    /** A cell as text: a number as Excel shows it whole (761234567, not 7.61234567E8 or 761234567.0). */
    private static String text(Cell cell) {
        if (cell == null || cell.getType() == CellType.EMPTY) {
            return "";
        }
        if (cell.getType() == CellType.NUMBER) {
            return Normalisers.plainNumber(cell.getRawValue());
        }
        String text = cell.getText();
        return text == null ? "" : text;
    }
}
